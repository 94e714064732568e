import { dateTimeFormat } from "@/lib/dates/formatters";
import type { AuditAction, AuditOutcome } from "./record-event";

// What each event means, in the therapist's words. Only actions that can
// carry a client's id are listed; anything else reads as its code.
const THERAPIST_LABELS: Partial<Record<AuditAction, string>> = {
  "client.added": "Added the client",
  "client.archived": "Archived the client",
  "client.viewed": "Opened the client page",
  "client.progress_viewed": "Viewed progress",
  "client.report_viewed": "Opened the progress report",
  "client.access_history_viewed": "Viewed this access history",
  "client.exported": "Downloaded the record",
  "entry.viewed": "Read an entry",
  "entry.shared_with_partner": "Shared an entry with their partner",
  "entry.sharing_withdrawn": "Stopped sharing an entry with their partner",
  "entry.partner_viewed": "Partner read a shared entry",
  "invitation.issued": "Created an invitation link",
  "invitation.accepted": "Accepted the invitation",
  "flag.acknowledged": "Acknowledged a safety flag",
  "partner.linked": "Linked a partner",
  "partner.unlinked": "Unlinked a partner",
  "session.added": "Added a session",
  "session.cancelled": "Cancelled a session",
  "session_note.saved": "Wrote a session note",
  "session_prep.viewed": "Read “Before the session”",
};

export function describeForTherapist(action: string): string {
  return THERAPIST_LABELS[action as AuditAction] ?? action;
}

/** What a client is told someone looked at. */
export const CLIENT_VISIBLE_VIEWS = {
  "client.viewed": "Opened your page",
  "client.progress_viewed": "Looked at your progress",
  "client.report_viewed": "Opened a progress report about you",
  "entry.viewed": "Read one of your entries",
  "entry.partner_viewed": "Your partner read an entry you shared",
  "client.exported": "Downloaded a copy of your record",
  "session_prep.viewed": "Read a summary to prepare for your session",
} as const satisfies Partial<Record<AuditAction, string>>;

export type ClientVisibleView = keyof typeof CLIENT_VISIBLE_VIEWS;

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: "Allowed",
  failure: "Failed",
  denied: "Refused",
};

export function describeOutcome(outcome: string): string {
  return OUTCOME_LABELS[outcome as AuditOutcome] ?? outcome;
}

/** A moment in the trail, in the reader's own zone, with the year and the zone's short name. */
export function formatEventTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

const PRACTICE_ROLE_NAMES = { OWNER: "practice owner", CLINICIAN: "clinician", SUPERVISOR: "supervisor" } as const;

type Actor = { id: string; role: "THERAPIST" | "CLIENT"; practiceRole: keyof typeof PRACTICE_ROLE_NAMES | null };

/**
 * How a trail names who acted on a client's record: "therapist" for the
 * client's own clinician, else their role in the practice ("practice owner",
 * "clinician", "supervisor"), or "client" ("partner" for another client than
 * the record's own, when the record's account is known).
 */
export function actorRoleLabel(actor: Actor, clientsClinicianId: string, clientsUserId?: string | null): string {
  // The only other client who can ever look at a record is the linked partner, at an entry shared with them.
  if (actor.role === "CLIENT") return clientsUserId && actor.id !== clientsUserId ? "partner" : "client";
  if (actor.id === clientsClinicianId) return "therapist";
  return PRACTICE_ROLE_NAMES[actor.practiceRole ?? "CLINICIAN"];
}
