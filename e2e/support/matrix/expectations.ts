// THE AUTHORIZATION MATRIX: one row per page, route handler and Server
// Action of the production build, with what each actor must get.
// e2e/authorization-matrix.spec.ts reads the build and fails while anything
// in it has no row here (and prints a ready-to-paste skeleton for it), or a
// row names something the build no longer has.
//
// Actors (world.ts): anonymous · clientA · clientB (same therapist) · partner
// (client A's linked partner) · therapistA (their therapist) · therapistB
// (another practice). Every record a row aims at belongs to client A or
// therapist A, so each row asks: can anyone else reach it?
//
// Outcomes
//   ok                 the page renders / the action does its work (for the
//                      record owner the targeted rows must then change)
//   redirect-sign-in   sent to /sign-in (signed out)
//   redirect-home      sent to the actor's own home: not their area
//   not-found          the one "not found" answer, which must also be exactly
//                      what the same request gets for an id that does not exist
//   refused            the action answers ok:false for another reason (bad
//                      input, wrong password): nothing changes
//   ignored            an action that returns nothing: nothing changes
// Route handlers answer with status codes: ok (2xx) · redirect · unauthorized
// (401) · not-found (404) · bad-request (400).
//
// Server Actions are posted as the browser posts them, from one of the pages
// that carries them, with the session cookie and our Origin; `call` gives the
// arguments aimed at the other party's records and `targets` the rows that
// must stay unchanged for everyone but the owner.
import type { ActionCall, RouteCall } from "./requests";
import { db } from "@/lib/db";
import { snap, type Snapshot } from "./snapshots";
import type { ActorName, World } from "./world";

export type Expect = Record<ActorName, string>;

export type PageRow = {
  kind: "page";
  route: string;
  expect: Expect;
  /** A query string aimed at someone else's records, e.g. "?client=<client A>". */
  query?: (world: World) => string;
  /** Why this page may show names to whoever holds its link (the leak scan skips it). */
  bearerLink?: string;
};

export type RouteRow = { kind: "route"; route: string; requests: (world: World) => (RouteCall & { expect: Expect })[] };

export type ActionRow = {
  kind: "action";
  /** "<source file>#<export name>", as the build's server-reference manifest names it. */
  action: string;
  expect: Expect;
  call: (world: World) => ActionCall;
  targets: (world: World) => Snapshot[];
  /**
   * Whose "ok" calls must change the targets, and so run after everyone
   * else's (default: client A and therapist A where they get "ok").
   */
  owners?: ActorName[];
  /** Ends the caller's session: run after every other row. */
  endsSession?: true;
};

const every = (outcome: string): Expect => ({
  anonymous: outcome,
  clientA: outcome,
  clientB: outcome,
  partner: outcome,
  therapistA: outcome,
  therapistB: outcome,
});

/** Open to everyone, signed in or not. */
export const PUBLIC = every("ok");
/** Any therapist, each for their own practice. */
export const THERAPISTS: Expect = {
  anonymous: "redirect-sign-in",
  clientA: "redirect-home",
  clientB: "redirect-home",
  partner: "redirect-home",
  therapistA: "ok",
  therapistB: "ok",
};
/** A record of therapist A's practice. */
export const THERAPIST_A_ONLY: Expect = { ...THERAPISTS, therapistB: "not-found" };
/** Any client, each for their own record. */
export const CLIENTS: Expect = {
  anonymous: "redirect-sign-in",
  clientA: "ok",
  clientB: "ok",
  partner: "ok",
  therapistA: "redirect-home",
  therapistB: "redirect-home",
};
/** Client A's own record: not their therapist's other client, not even their partner. */
export const CLIENT_A_ONLY: Expect = { ...CLIENTS, clientB: "not-found", partner: "not-found" };
/** Anyone signed in, each for their own account. */
export const SIGNED_IN: Expect = { ...every("ok"), anonymous: "redirect-sign-in" };
/** Everyone signed in goes home; signed out, to sign in. */
export const HOME_OR_SIGN_IN: Expect = { ...every("redirect-home"), anonymous: "redirect-sign-in" };

export const page = (route: string, expect: Expect, extra: Partial<Pick<PageRow, "query" | "bearerLink">> = {}): PageRow => ({
  kind: "page",
  route,
  expect,
  ...extra,
});
export const route = (path: string, requests: RouteRow["requests"]): RouteRow => ({ kind: "route", route: path, requests });
export const action = (key: string, spec: Omit<ActionRow, "kind" | "action">): ActionRow => ({ kind: "action", action: key, ...spec });

/* ------------------------------------------------------------------ pages */

export const pages: PageRow[] = [
  page("/", HOME_OR_SIGN_IN),
  page("/sign-in", PUBLIC),
  page("/sign-up", PUBLIC),
  page("/invite/[token]", PUBLIC, { bearerLink: "the invitation link is the credential: it greets the invited person by name" }),
  page("/forgot-password", PUBLIC),
  // With a token that is not theirs (an invitation's): the "link doesn't work" page.
  page("/reset-password/[token]", PUBLIC),
  page("/confirm/[token]", PUBLIC),

  page("/portal", CLIENTS),
  page("/portal/account", CLIENTS),
  page("/portal/progress", CLIENTS),
  page("/portal/entries/[submissionId]", CLIENT_A_ONLY),
  page("/portal/homework/[assignmentId]/[entryKey]", CLIENT_A_ONLY),
  page("/portal/shared", CLIENTS),
  // The world's entry is client A's, not shared (it asks about safety, so it never can be): nobody reads it here.
  page("/portal/shared/[submissionId]", { ...CLIENTS, clientA: "not-found", clientB: "not-found", partner: "not-found" }),

  page("/dashboard", THERAPISTS),
  page("/account", THERAPISTS),
  page("/account/two-factor", THERAPISTS),
  page("/clients", THERAPISTS),
  page("/clients/[clientId]", THERAPIST_A_ONLY),
  page("/clients/[clientId]/progress", THERAPIST_A_ONLY),
  page("/clients/[clientId]/report", THERAPIST_A_ONLY),
  page("/clients/[clientId]/access", THERAPIST_A_ONLY),
  page("/clients/[clientId]/sessions", THERAPIST_A_ONLY),
  page("/clients/[clientId]/sessions/[sessionId]", THERAPIST_A_ONLY),
  // Another practice's ids in the query select nothing and show nothing.
  page("/assign", THERAPISTS, { query: (w) => `?client=${w.clientA.id}&template=${w.template.id}` }),
  page("/review", THERAPISTS, { query: (w) => `?client=${w.clientA.id}&exercise=${w.template.id}&show=all` }),
  page("/review/[submissionId]", THERAPIST_A_ONLY),
  page("/library", THERAPISTS),
  page("/library/new", THERAPISTS),
  page("/library/[templateId]", THERAPIST_A_ONLY),
  page("/library/[templateId]/edit", THERAPIST_A_ONLY),
  page("/outbox", THERAPISTS),
  // Owners only (every matrix therapist owns their practice), each for their own practice.
  page("/practice/crisis-lines", THERAPISTS, { query: () => "?country=NZ" }),
  page("/practice/members", THERAPISTS),
  page("/practice/settings", THERAPISTS),
  // With a client's invitation token (not a colleague's): the "link doesn't work" card, the same for everyone.
  page("/join/[token]", PUBLIC),
];

/* --------------------------------------------------------- route handlers */

const EXPORT: Expect = { ...every("not-found"), anonymous: "unauthorized", therapistA: "ok" };

export const routes: RouteRow[] = [
  route("/api/auth/[...nextauth]", () => [
    { method: "GET", path: "/api/auth/session", expect: PUBLIC },
    { method: "GET", path: "/api/auth/csrf", expect: PUBLIC },
    { method: "GET", path: "/api/auth/providers", expect: PUBLIC },
    // Without the CSRF token nobody gets as far as a password check.
    { method: "POST", path: "/api/auth/callback/credentials", form: { email: "nobody@example.com", password: "x" }, expect: every("redirect") },
  ]),
  route("/api/clients/[clientId]/export", (w) => [
    { method: "GET", path: `/api/clients/${w.clientA.id}/export?format=csv-submissions`, expect: EXPORT },
    { method: "GET", path: `/api/clients/${w.clientA.id}/export?format=fhir`, expect: EXPORT },
  ]),
  // Keepalive draft saves (the portal, as a page goes away): Origin first, then the session; an empty body is a bad request.
  // Calendar files: a client's sessions for whoever reads the client; one's own for every therapist.
  route("/api/clients/[clientId]/sessions.ics", (w) => [{ method: "GET", path: `/api/clients/${w.clientA.id}/sessions.ics`, expect: EXPORT }]),
  route("/api/sessions.ics", () => [
    { method: "GET", path: "/api/sessions.ics", expect: { ...every("not-found"), anonymous: "unauthorized", therapistA: "ok", therapistB: "ok" } },
  ]),
  route("/api/drafts", () => [
    { method: "POST", path: "/api/drafts", expect: every("forbidden") },
    {
      method: "POST",
      path: "/api/drafts",
      headers: { origin: new URL(process.env.APP_URL ?? "http://127.0.0.1:3100").origin },
      expect: { ...every("bad-request"), anonymous: "unauthorized", therapistA: "not-found", therapistB: "not-found" },
    },
  ]),
  route("/api/health", () => [{ method: "GET", path: "/api/health", expect: PUBLIC }]),
  // Off (404) unless JOBS_SECRET is set; with it, a session cookie is no substitute for the bearer token.
  route("/api/jobs/reminders", () => [
    { method: "POST", path: "/api/jobs/reminders", expect: every(process.env.JOBS_SECRET ? "unauthorized" : "not-found") },
  ]),
];

/* --------------------------------------------------------- server actions */

// In the order the owners' calls run (after everyone else's): a call that
// ends or archives something comes after the calls that need it.
const NEW_PASSWORD = "violet harbour lantern 2026";
const exerciseForm = (title: string) => ({
  title,
  purpose: "Notice one moment of trust each day.",
  kind: "journal",
  estimatedMinutes: "5",
  fields: JSON.stringify([{ type: "long_text", key: "moment", label: "What moment of trust did you notice?" }]),
});

export const actions: ActionRow[] = [
  // Signed-out forms. Invalid on purpose where a valid call would spend the
  // shared per-address limits that the rest of the suite signs in under.
  action("lib/auth/actions.ts#signInAction", {
    expect: every("refused"),
    call: (w) => ({ form: { email: w.clientA.email, password: "" } }),
    targets: (w) => [snap.user(w.clientA.userId)],
  }),
  action("lib/accounts/actions.ts#signUpAction", {
    expect: every("refused"),
    call: (w) => ({ form: { name: "", practiceName: "Sneaky Practice", email: w.clientA.email, password: NEW_PASSWORD, timeZone: "Europe/Berlin" } }),
    targets: (w) => [snap.email(w.clientA.email)],
  }),
  action("lib/accounts/actions.ts#acceptInvitationAction", {
    expect: every("refused"),
    call: () => ({ form: { token: "not-a-real-invitation-token-0000000000", password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` } }),
    targets: (w) => [snap.client(w.invited.id), snap.email(w.invited.email)],
  }),
  action("lib/accounts/actions.ts#forgotPasswordAction", {
    expect: every("refused"),
    call: () => ({ form: { email: "not an e-mail address" } }),
    targets: (w) => [snap.user(w.clientA.userId)],
  }),
  action("lib/accounts/actions.ts#resetPasswordAction", {
    expect: every("refused"),
    call: () => ({ form: { token: "not-a-real-reset-token-00000000000000", password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` } }),
    targets: (w) => [snap.user(w.clientA.userId)],
  }),
  action("lib/accounts/actions.ts#confirmAccountAction", {
    expect: every("refused"),
    call: () => ({ form: { token: "not-a-real-confirmation-token-000000000", password: "" } }),
    targets: (w) => [snap.email(w.clientA.email)],
  }),
  // Only ever one's own account: another person's id in the form is ignored.
  action("lib/auth/change-password-action.ts#changePasswordAction", {
    expect: { ...every("refused"), anonymous: "redirect-sign-in" },
    call: (w) => ({ form: { currentPassword: "not the current password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, userId: w.clientA.userId } }),
    targets: (w) => [snap.user(w.clientA.userId), snap.user(w.therapistA.id)],
  }),
  // Signing back in on an entry page whose session ended: only as the person the page belonged to.
  action("lib/sessions/reauthenticate-action.ts#reauthenticateAction", {
    expect: { ...CLIENTS, clientA: "refused", clientB: "refused", partner: "refused" },
    call: (w) => ({ args: [{ email: w.clientA.email, password: "not client A's password" }] }),
    targets: (w) => [snap.user(w.clientA.userId), snap.sessions(w.clientA.userId)],
  }),

  // Where you're signed in: only one's own sessions.
  action("lib/sessions/session-actions.ts#endSessionAction", {
    expect: { ...every("not-found"), anonymous: "redirect-sign-in", clientA: "ok" },
    call: (w) => ({ form: { session: w.clientAOtherSession } }),
    targets: (w) => [snap.sessions(w.clientA.userId)],
  }),
  action("lib/sessions/session-actions.ts#endOtherSessionsAction", {
    expect: SIGNED_IN,
    call: () => ({ args: [] }),
    targets: (w) => [snap.sessions(w.clientA.userId)],
    owners: ["clientA"],
  }),

  // Two-step sign-in: only one's own. Wrong codes are refused (and throttled like passwords).
  action("lib/two-factor/actions.ts#startEnrolmentAction", {
    expect: SIGNED_IN,
    call: () => ({ args: [] }),
    targets: (w) => [snap.user(w.clientA.userId), snap.user(w.therapistA.id)],
  }),
  action("lib/two-factor/actions.ts#confirmEnrolmentAction", {
    expect: { ...every("refused"), anonymous: "redirect-sign-in" },
    call: (w) => ({ form: { code: "000000", userId: w.clientA.userId } }),
    targets: (w) => [snap.user(w.clientA.userId), snap.user(w.therapistA.id)],
  }),
  action("lib/two-factor/actions.ts#regenerateRecoveryCodesAction", {
    expect: { ...every("refused"), anonymous: "redirect-sign-in" },
    call: (w) => ({ form: { code: "000000", userId: w.clientA.userId } }),
    targets: (w) => [snap.user(w.clientA.userId), snap.user(w.therapistA.id)],
  }),
  action("lib/two-factor/actions.ts#disableTwoFactorAction", {
    expect: { ...every("refused"), anonymous: "redirect-sign-in" },
    call: (w) => ({ form: { password: "not anyone's password", code: "000000", userId: w.clientA.userId } }),
    targets: (w) => [snap.user(w.clientA.userId), snap.user(w.therapistA.id)],
  }),

  // A practice's own setting. "off" (as it is): therapist A's call changes
  // nothing, and no one else's may change practice A.
  action("lib/two-factor/actions.ts#setPracticeRequirementAction", {
    expect: THERAPISTS,
    call: (w) => ({ form: { requireTwoFactor: "off", practiceId: w.therapistA.practiceId } }),
    targets: (w) => [snap.practice(w.therapistA.practiceId)],
    owners: [],
  }),

  // The client portal.
  action("lib/reminders/reminder-action.ts#updateReminderAction", {
    expect: CLIENTS,
    call: (w) => ({ form: { enabled: "on", reminderTime: "07:30", clientId: w.clientA.id } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/homework/actions.ts#saveDraftAction", {
    expect: CLIENT_A_ONLY,
    call: (w) => ({
      args: [{ assignmentId: w.draftAssignmentId, entryKey: w.today, answers: { what_happened: "Written by someone else." }, privateKeys: [], baseVersion: 0 }],
    }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/homework/actions.ts#submitEntryAction", {
    expect: CLIENT_A_ONLY,
    call: (w) => ({
      args: [
        {
          assignmentId: w.submitAssignmentId,
          entryKey: w.today,
          answers: { what_happened: "Submitted by someone else.", felt_unsafe: "no" },
          privateKeys: [],
          baseVersion: 0,
        },
      ],
    }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/homework/actions.ts#startLogEntryAction", {
    expect: CLIENT_A_ONLY,
    call: (w) => ({ form: { assignmentId: w.logAssignmentId } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),

  // The therapist's clients. Extra fields naming therapist A are ignored.
  action("lib/clients/actions.ts#addClientAction", {
    expect: THERAPISTS,
    call: (w) => ({
      form: {
        displayName: "Nia Newcomer",
        email: `matrix-new-${w.clientA.id}@example.com`,
        timeZone: "Europe/Berlin",
        therapistId: w.therapistA.id,
        practiceId: w.therapistA.practiceId,
      },
    }),
    targets: (w) => [snap.caseload(w.therapistA.id)],
  }),
  action("lib/clients/actions.ts#renewInvitationAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.invited.id } }),
    targets: (w) => [snap.client(w.invited.id)],
  }),
  action("lib/clients/actions.ts#archiveClientAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.invited.id } }),
    targets: (w) => [snap.client(w.invited.id)],
  }),
  action("lib/assignments/actions.ts#assignAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { templateId: w.builtInLogTemplateId, clientIds: [w.clientA.id], scheduleType: "DAILY", startDate: w.today, note: "" } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/assignments/actions.ts#updateAssignmentAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { assignmentId: w.changeAssignmentId, note: "Try it after dinner.", endDate: "" } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/assignments/actions.ts#changeAssignmentAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { assignmentId: w.changeAssignmentId, change: "pause" } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/clients/actions.ts#linkPartnerAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.clientB.id, partnerClientId: w.spare.id } }),
    targets: (w) => [snap.client(w.clientB.id), snap.client(w.spare.id)],
  }),
  action("lib/clients/actions.ts#unlinkPartnerAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.clientA.id } }),
    targets: (w) => [snap.client(w.clientA.id), snap.client(w.partner.id)],
  }),
  action("lib/caseload/actions.ts#acknowledgeCaseloadFlagAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { kind: "SILENT", clientId: w.clientA.id, note: "Called them; all is well." } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),

  // Sessions: only the client's primary clinician records, notes and cancels them.
  action("lib/therapy-sessions/actions.ts#addSessionAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.clientA.id, date: w.today, time: "15:00", durationMinutes: "50", recurrence: "NONE" } }),
    targets: (w) => [snap.therapySessions(w.clientA.id)],
  }),
  action("lib/therapy-sessions/actions.ts#saveSessionNoteAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { sessionId: w.sessionId, body: "Worked on the repair conversation." } }),
    targets: (w) => [snap.therapySessions(w.clientA.id)],
  }),
  action("lib/therapy-sessions/actions.ts#cancelSessionAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { sessionId: w.upcomingSessionId, which: "one" } }),
    targets: (w) => [snap.therapySessions(w.clientA.id)],
  }),

  // Review and safety.
  action("lib/review/actions.ts#acknowledgeFlagAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { flagId: w.safetyFlagId, note: "Safety plan agreed by phone." } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/review/actions.ts#giveFeedbackAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { submissionId: w.submissionId, body: "Thank you for writing this down." } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  action("lib/review/actions.ts#setReviewedAction", {
    expect: { ...THERAPIST_A_ONLY, therapistB: "ignored" },
    call: (w) => ({ form: { submissionId: w.submissionId, reviewed: "true" } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  // Scoped in the update itself: another practice's ids match nothing ("refused": nothing to mark). The world's
  // entry already has feedback (so is reviewed), so therapist A is refused too; tests/integration/review-bulk.test.ts
  // proves the marking.
  action("lib/review/actions.ts#markReviewedManyAction", {
    expect: { ...THERAPISTS, therapistA: "refused", therapistB: "refused" },
    call: (w) => ({ form: { submissionIds: [w.submissionId] } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),

  // The exercise library.
  action("lib/templates/actions.ts#createTemplateAction", {
    expect: THERAPISTS,
    call: (w) => ({ form: { ...exerciseForm("Trust moments"), practiceId: w.therapistA.practiceId } }),
    targets: (w) => [snap.templates(w.therapistA.practiceId)],
  }),
  action("lib/templates/actions.ts#updateTemplateAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { templateId: w.template.id, ...exerciseForm("Renamed by someone else") } }),
    targets: (w) => [snap.templates(w.therapistA.practiceId)],
  }),
  action("lib/templates/actions.ts#duplicateTemplateAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { templateId: w.template.id } }),
    targets: (w) => [snap.templates(w.therapistA.practiceId)],
  }),
  // Only the author shares their draft or takes it back (before archiving, which would hide it).
  action("lib/templates/actions.ts#shareTemplateAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { templateId: w.template.id, shared: "true" } }),
    targets: (w) => [snap.templates(w.therapistA.practiceId)],
  }),
  action("lib/templates/actions.ts#archiveTemplateAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { templateId: w.template.id } }),
    targets: (w) => [snap.templates(w.therapistA.practiceId)],
  }),

  // Last: signing out ends the caller's session (and only theirs).
  action("lib/auth/actions.ts#signOutAction", {
    expect: every("redirect-sign-in"),
    call: () => ({ args: [] }),
    targets: () => [],
    endsSession: true,
  }),

  // Replies to feedback: only client A, on feedback about their own entry.
  action("lib/replies/actions.ts#replyToFeedbackAction", {
    expect: CLIENT_A_ONLY,
    call: (w) => ({ form: { feedbackId: w.feedbackId, body: "Thank you, I will try that this week." } }),
    targets: (w) => [() => db.feedbackReply.findMany({ where: { feedbackId: w.feedbackId }, orderBy: { id: "asc" } })],
  }),
  // Supervision notes: only a supervisor of the client's clinician (no matrix actor is one; owners are refused too).
  action("lib/supervision-notes/actions.ts#writeSupervisionNoteAction", {
    expect: { ...every("refused"), anonymous: "redirect-sign-in", clientA: "redirect-home", clientB: "redirect-home", partner: "redirect-home" },
    call: (w) => ({ form: { clientId: w.clientA.id, body: "A note someone else should not be able to write." } }),
    targets: (w) => [() => db.supervisionNote.findMany({ where: { clientId: w.clientA.id }, orderBy: { id: "asc" } })],
  }),

  // Sharing with a partner: only the author, and never an entry about safety (the world's entry is one).
  action("lib/couples/actions.ts#setEntrySharingAction", {
    expect: { ...every("not-found"), clientA: "refused", anonymous: "redirect-sign-in", therapistA: "redirect-home", therapistB: "redirect-home" },
    call: (w) => ({ form: { submissionId: w.submissionId, share: "yes" } }),
    targets: (w) => [() => db.submission.findMany({ where: { id: w.submissionId }, select: { id: true, sharedWithPartnerAt: true } })],
  }),
  // ↓ New rows go here (the failing test prints a skeleton for each missing one).
  // Members, handovers and settings: the owner of practice A for practice A (every matrix therapist owns
  // their practice; another practice's owner finds none of A's records). Joining: the link is the credential.
  action("lib/practice/actions.ts#inviteMemberAction", {
    expect: THERAPISTS,
    call: (w) => ({ form: { name: "Dr Nia Colleague", email: `matrix-colleague-${w.clientA.id}@example.com`, practiceRole: "CLINICIAN", practiceId: w.therapistA.practiceId } }),
    targets: (w) => [() => db.staffInvitation.findMany({ where: { practiceId: w.therapistA.practiceId }, orderBy: { id: "asc" } })],
  }),
  action("lib/practice/actions.ts#resendInvitationAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { invitationId: w.practice.resendInvitationId } }),
    targets: (w) => [() => db.staffInvitation.findMany({ where: { practiceId: w.therapistA.practiceId }, orderBy: { id: "asc" } })],
  }),
  action("lib/practice/actions.ts#revokeInvitationAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { invitationId: w.practice.revokeInvitationId } }),
    targets: (w) => [() => db.staffInvitation.findMany({ where: { id: w.practice.revokeInvitationId } })],
  }),
  action("lib/practice/actions.ts#setSuperviseesAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { supervisorId: w.practice.supervisorId, clinicianId: w.practice.clinicianId } }),
    targets: (w) => [() => db.supervision.findMany({ where: { supervisorId: w.practice.supervisorId }, orderBy: { clinicianId: "asc" } })],
  }),
  action("lib/practice/actions.ts#handOverClientAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.practice.handoverClientId, fromClinicianId: w.therapistA.id, toClinicianId: w.practice.clinicianId } }),
    targets: (w) => [snap.client(w.practice.handoverClientId)],
  }),
  action("lib/practice/actions.ts#deactivateMemberAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { memberId: w.practice.leaverId } }),
    targets: (w) => [snap.user(w.practice.leaverId)],
  }),
  action("lib/practice/actions.ts#updatePracticeSettingsAction", {
    expect: THERAPISTS,
    // A neutral name: each owner renames their own practice to it (never to another practice's name).
    call: (w) => ({ form: { name: "Matrix practice, renamed", defaultReminderTime: "19:00", escalateAfterHours: "48", practiceId: w.therapistA.practiceId } }),
    targets: (w) => [snap.practice(w.therapistA.practiceId)],
    owners: ["therapistA"],
  }),
  action("lib/practice/actions.ts#joinPracticeAction", {
    expect: every("refused"),
    call: () => ({ form: { token: "not-a-real-staff-invitation-token-000000", name: "Someone", timeZone: "Europe/Berlin", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
    targets: (w) => [() => db.user.count({ where: { practiceId: w.therapistA.practiceId } })],
  }),
  // Crisis lines: which country's lines client A sees (their own clinician only).
  action("lib/safety/actions.ts#setClientCountryAction", {
    expect: THERAPIST_A_ONLY,
    call: (w) => ({ form: { clientId: w.clientA.id, country: "JP" } }),
    targets: (w) => [snap.client(w.clientA.id)],
  }),
  // The practice's own lines: an owner for their own practice (the form names no practice; a practiceId posted is ignored).
  action("lib/safety/actions.ts#saveCrisisLinesAction", {
    expect: THERAPISTS,
    call: (w) => ({ form: { country: "NZ", "lines.0.name": "Matrix line", "lines.0.phone": "0800 000 000", practiceId: w.therapistA.practiceId } }),
    targets: (w) => [snap.practice(w.therapistA.practiceId)],
    owners: ["therapistA"],
  }),
  action("lib/safety/actions.ts#resetCrisisLinesAction", {
    expect: THERAPISTS,
    call: (w) => ({ form: { country: "NZ", practiceId: w.therapistA.practiceId } }),
    targets: (w) => [snap.practice(w.therapistA.practiceId)],
    owners: ["therapistA"],
  }),
];
