// The people and records of the authorization matrix, made through the app's
// own functions (as a sign-up, "Add client", an accepted invitation, an
// assignment and a submitted entry would make them), and one signed-in
// request context per actor.
import { randomUUID } from "node:crypto";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { linkPartners } from "@/lib/clients/link-partners";
import { todayIn } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { giveFeedback } from "@/lib/review/give-feedback";
import { createAuthSession } from "@/lib/sessions/create-session";
import { sessionHandle } from "@/lib/sessions/session-handle";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { signInByApi } from "../auth";
import { addColleague, inviteColleague } from "../practice";
import { addClientFor, createActiveClient, createTherapist, uniqueId, type ActiveClient, type InvitedClient, type TestTherapist } from "../factories";

export const ACTORS = ["anonymous", "clientA", "clientB", "partner", "therapistA", "therapistB"] as const;
export type ActorName = (typeof ACTORS)[number];

/** Where each actor's own home is: a redirect there means "not your area". */
export const HOME: Record<ActorName, string | null> = {
  anonymous: null,
  clientA: "/portal",
  clientB: "/portal",
  partner: "/portal",
  therapistA: "/dashboard",
  therapistB: "/dashboard",
};

const TIME_ZONE = "Europe/Berlin";

export type World = {
  today: string;
  therapistA: TestTherapist;
  therapistB: TestTherapist;
  /** Client A, their partner and client B: all three are therapist A's clients, in therapist A's practice. */
  clientA: ActiveClient;
  clientB: ActiveClient;
  partner: ActiveClient;
  /** Invited, not yet signed up (therapist A): the invitation page, renewing and archiving. */
  invited: InvitedClient;
  /** Another invited client of therapist A, only ever linked as client B's partner by therapist A. */
  spare: InvitedClient;
  /** Therapist B's own client, in the other practice. */
  otherPracticeClient: ActiveClient;
  /** Therapist A's custom exercise (a journal with a safety question). */
  template: { id: string; title: string };
  /** Therapist B's custom exercise: its title must never reach practice A. */
  otherPracticeTemplate: { id: string; title: string };
  builtInLogTemplateId: string;
  /** Client A's assignments of `template`, each due today: one to draft, one to submit, one to pause/edit. */
  draftAssignmentId: string;
  submitAssignmentId: string;
  changeAssignmentId: string;
  /** Client A's daily trigger log (any number of entries a day). */
  logAssignmentId: string;
  /** Client A's submitted entry (flagged for safety) and its flag. */
  submissionId: string;
  safetyFlagId: string;
  /** Therapist A's feedback on that entry (what client A replies to). */
  feedbackId: string;
  /** Client A signed in on two more devices: the handle (as Account → "Where you're signed in" names it) of one of them. */
  clientAOtherSession: string;
  /** Therapist A's session with client A that began an hour ago ("Before the session", the note), and one tomorrow (to cancel). */
  sessionId: string;
  upcomingSessionId: string;
  /** Practice A's colleagues (not actors): a clinician (handover target, supervisee), a supervisor, one who leaves; open staff invitations to re-send and to withdraw; an invited client of therapist A to hand over. */
  practice: { clinicianId: string; supervisorId: string; leaverId: string; resendInvitationId: string; revokeInvitationId: string; handoverClientId: string };
};

const JOURNAL = { key: "what_happened", label: "What happened, in your own words?" };
const UNSAFE = { key: "felt_unsafe", label: "Did you feel unsafe at any point today?" };

export async function buildWorld(): Promise<World> {
  const id = uniqueId();
  const [therapistA, therapistB] = await Promise.all([
    createTherapist({ name: `Dr Ada Matrix-${id}`, practiceName: `Matrix Practice A ${id}`, timeZone: TIME_ZONE }),
    createTherapist({ name: `Dr Bea Matrix-${id}`, practiceName: `Matrix Practice B ${id}`, timeZone: TIME_ZONE }),
  ]);
  const person = (name: string) => ({ displayName: `${name}-${id} Matrix`, timeZone: TIME_ZONE });
  const [clientA, clientB, partner, invited, spare, otherPracticeClient] = await Promise.all([
    createActiveClient(therapistA, person("Alba")),
    createActiveClient(therapistA, person("Bruno")),
    createActiveClient(therapistA, person("Pia")),
    addClientFor(therapistA, person("Ivo")),
    addClientFor(therapistA, person("Sol")),
    createActiveClient(therapistB, person("Cora")),
  ]);
  const scopeA = { therapistId: therapistA.id, practiceId: therapistA.practiceId };
  await linkPartners(scopeA, clientA.id, partner.id);

  const exercise = (title: string) => ({
    title,
    purpose: "A few minutes to put the day into words.",
    kind: "journal" as const,
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [
      { type: "long_text" as const, ...JOURNAL },
      { type: "yes_partly_no" as const, ...UNSAFE, safety: { whenAnswerIn: ["yes"] } },
    ],
  });
  const templateTitle = `Evening reflection ${id}`;
  const otherTitle = `Practice B private exercise ${id}`;
  const [saved, otherSaved, builtIn] = await Promise.all([
    createCustomTemplate(scopeA, exercise(templateTitle)),
    createCustomTemplate({ therapistId: therapistB.id, practiceId: therapistB.practiceId }, exercise(otherTitle)),
    db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "trigger-log" }, select: { id: true } }),
  ]);

  const today = todayIn(TIME_ZONE);
  const assign = async (templateId: string, scheduleType: "ONCE" | "DAILY") => {
    const [created] = await createAssignments(scopeA, {
      templateId,
      clientIds: [clientA.id],
      note: null,
      scheduleType,
      startDate: today,
      dueDate: scheduleType === "ONCE" ? today : undefined,
      endDate: undefined,
      weekdays: [],
      dayCount: undefined,
    });
    if (!created) throw new Error("assigning created nothing");
    return created.id;
  };
  const draftAssignmentId = await assign(saved.templateId, "ONCE");
  const submitAssignmentId = await assign(saved.templateId, "ONCE");
  const changeAssignmentId = await assign(saved.templateId, "ONCE");
  const submittedAssignmentId = await assign(saved.templateId, "ONCE");
  const logAssignmentId = await assign(builtIn.id, "DAILY");

  const clientScope = { clientId: clientA.id, userId: clientA.userId, practiceId: therapistA.practiceId, timeZone: TIME_ZONE };
  const submitted = await submitEntry(clientScope, {
    assignmentId: submittedAssignmentId,
    entryKey: today,
    answers: { [JOURNAL.key]: "We argued about the phone again.", [UNSAFE.key]: "yes" },
    privateKeys: [],
    baseVersion: 0,
  });
  const device = () => createAuthSession({ userId: clientA.userId, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)", address: null });
  const [otherSession] = await Promise.all([device(), device()]);
  const session = (startsAt: Date) =>
    db.therapySession.create({
      data: { practiceId: therapistA.practiceId, clientId: clientA.id, clinicianId: therapistA.id, startsAt, durationMinutes: 50 },
      select: { id: true },
    });
  const [startedSession, upcomingSession] = await Promise.all([session(new Date(Date.now() - 3_600_000)), session(new Date(Date.now() + 86_400_000))]);
  const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: clientA.id, submissionId: submitted.submissionId }, select: { id: true } });
  await giveFeedback(scopeA, { submissionId: submitted.submissionId, body: "Thank you for telling me. Let's talk it through." });
  const feedback = await db.feedback.findFirstOrThrow({ where: { submissionId: submitted.submissionId }, select: { id: true } });
  const [clinician, supervisor, leaver, resendInvitation, revokeInvitation, handoverClient] = await Promise.all([
    addColleague(therapistA),
    addColleague(therapistA, "SUPERVISOR"),
    addColleague(therapistA),
    inviteColleague(therapistA),
    inviteColleague(therapistA),
    addClientFor(therapistA, person("Hana")),
  ]);

  return {
    today,
    therapistA,
    therapistB,
    clientA,
    clientB,
    partner,
    invited,
    spare,
    otherPracticeClient,
    template: { id: saved.templateId, title: templateTitle },
    otherPracticeTemplate: { id: otherSaved.templateId, title: otherTitle },
    builtInLogTemplateId: builtIn.id,
    draftAssignmentId,
    submitAssignmentId,
    changeAssignmentId,
    logAssignmentId,
    submissionId: submitted.submissionId,
    safetyFlagId: flag.id,
    feedbackId: feedback.id,
    clientAOtherSession: sessionHandle(otherSession.id),
    sessionId: startedSession.id,
    upcomingSessionId: upcomingSession.id,
    practice: {
      clinicianId: clinician.id,
      supervisorId: supervisor.id,
      leaverId: leaver.id,
      resendInvitationId: resendInvitation.id,
      revokeInvitationId: revokeInvitation.id,
      handoverClientId: handoverClient.id,
    },
  };
}

/** Values for the dynamic segments of pages, routes and the pages actions are posted to. */
export function segmentValues(world: World): Record<string, string> {
  return {
    clientId: world.clientA.id,
    submissionId: world.submissionId,
    assignmentId: world.draftAssignmentId,
    entryKey: world.today,
    templateId: world.template.id,
    token: world.invited.token,
    sessionId: world.sessionId,
  };
}

/**
 * Every record id of the world, each paired with an id no row has: a request
 * with the ids swapped must read exactly like one for someone else's record.
 */
export function missingIds(world: World): Map<string, string> {
  const ids = [
    world.clientA.id,
    world.clientB.id,
    world.partner.id,
    world.invited.id,
    world.spare.id,
    world.template.id,
    world.draftAssignmentId,
    world.submitAssignmentId,
    world.changeAssignmentId,
    world.logAssignmentId,
    world.submissionId,
    world.safetyFlagId,
    world.sessionId,
    world.upcomingSessionId,
    world.feedbackId,
    ...Object.values(world.practice),
  ];
  const missing = new Map(ids.map((id) => [id, `c${randomUUID().replaceAll("-", "").slice(0, 24)}`]));
  // A session handle is 22 base64url characters.
  missing.set(world.clientAOtherSession, randomUUID().replaceAll("-", "").slice(0, 22));
  return missing;
}

export function withMissingIds(text: string, ids: Map<string, string>): string {
  let result = text;
  for (const [id, missing] of ids) result = result.replaceAll(id, missing);
  return result;
}

/**
 * What must never reach an actor: names, e-mails and titles of other people's
 * records. Therapists never see the other practice; clients never see any
 * other client, their partner included; a signed-out visitor sees no one.
 */
export function secretsHiddenFrom(world: World): Record<ActorName, string[]> {
  const client = (c: InvitedClient) => [c.displayName, c.email];
  const practiceA = [
    ...[world.clientA, world.clientB, world.partner, world.invited, world.spare].flatMap(client),
    world.therapistA.name,
    world.therapistA.email,
    world.therapistA.practiceName,
    world.template.title,
  ];
  const practiceB = [
    ...client(world.otherPracticeClient),
    world.therapistB.name,
    world.therapistB.email,
    world.therapistB.practiceName,
    world.otherPracticeTemplate.title,
  ];
  const everyClient = [world.clientA, world.clientB, world.partner, world.invited, world.spare, world.otherPracticeClient];
  const otherClients = (self: InvitedClient) => everyClient.filter((c) => c !== self).flatMap(client);
  return {
    anonymous: [...practiceA, ...practiceB],
    clientA: [...otherClients(world.clientA), ...practiceB],
    clientB: [...otherClients(world.clientB), ...practiceB],
    partner: [...otherClients(world.partner), ...practiceB],
    therapistA: practiceB,
    therapistB: practiceA,
  };
}

export type Actors = Record<ActorName, APIRequestContext>;

/** One request context per actor, each with its own session cookie (none for anonymous). */
export async function signInActors(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, world: World): Promise<Actors> {
  const context = () => playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const signedIn = async (credentials: { email: string; password: string }) => {
    const request = await context();
    await signInByApi(request, credentials);
    return request;
  };
  const [anonymous, clientA, clientB, partner, therapistA, therapistB] = await Promise.all([
    context(),
    signedIn(world.clientA),
    signedIn(world.clientB),
    signedIn(world.partner),
    signedIn(world.therapistA),
    signedIn(world.therapistB),
  ]);
  return { anonymous, clientA, clientB, partner, therapistA, therapistB };
}
