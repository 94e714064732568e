import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromDbDate, type LocalDate } from "@/lib/dates/local-date";
import { recordEvent } from "@/lib/audit/record-event";
import { claimRequestEvent, requestAddress } from "@/lib/audit/request-context";
import { isId } from "@/lib/validations/text";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import type { ClientScope } from "@/lib/homework/client-scope";
import type { TherapistScope } from "@/lib/clients/scope";
import { findLinkedPartner, type LinkedPartner } from "./linked-partner";
import { isShareable } from "./shareable";
import { mergeAnswers } from "@/lib/homework/split-answers";

// Only entries the author shares now, of the partner linked now. The
// private answers (Submission.privateAnswers) are never selected here.
const sharedBy = (partner: LinkedPartner, practiceId: string) => ({
  clientId: partner.clientId,
  practiceId,
  status: "SUBMITTED" as const,
  sharedWithPartnerAt: { not: null },
  // Never shareable (lib/couples/shareable.ts); kept out here as well.
  safetyConcern: false,
});

export type SharedEntrySummary = { id: string; title: string; dueOn: LocalDate; sharedAt: Date };

/** What the caller's partner shares with them now, newest first; empty without a linked partner. */
export async function listEntriesSharedWithMe(client: ClientScope): Promise<{ partner: LinkedPartner | null; entries: SharedEntrySummary[] }> {
  const partner = await findLinkedPartner(client);
  if (!partner) return { partner: null, entries: [] };
  const rows = await db.submission.findMany({
    where: sharedBy(partner, client.practiceId),
    orderBy: [{ sharedWithPartnerAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, dueOn: true, sharedWithPartnerAt: true, templateVersion: { select: versionSelect }, assignment: { select: { template: { select: { kind: true } } } } },
  });
  const entries = rows.flatMap((row) => {
    const version = toExerciseVersion(row.templateVersion, row.assignment.template.kind);
    if (!isShareable(version.fields, false)) return [];
    return [{ id: row.id, title: version.title, dueOn: fromDbDate(row.dueOn), sharedAt: row.sharedWithPartnerAt! }];
  });
  return { partner, entries };
}

/** One entry the partner shares now and that may be shared at all, or null. */
async function findSharedEntry(partner: LinkedPartner, practiceId: string, submissionId: string) {
  const row = await db.submission.findFirst({
    where: { id: submissionId, ...sharedBy(partner, practiceId) },
    select: {
      id: true,
      dueOn: true,
      answers: true,
      privateKeys: true,
      sharedWithPartnerAt: true,
      templateVersion: { select: versionSelect },
      assignment: { select: { template: { select: { kind: true } } } },
    },
  });
  if (!row) return null;
  const version = toExerciseVersion(row.templateVersion, row.assignment.template.kind);
  return isShareable(version.fields, false) ? { ...row, version } : null;
}

/**
 * One entry the caller's partner shares, with only its shared answers. Not
 * shared, withdrawn, unlinked, or anyone else's entry all read as not found.
 * Each look is recorded on the author's record, where they (and their
 * clinician) can see it.
 */
export async function getEntrySharedWithMe(client: ClientScope, submissionId: string) {
  if (!isId(submissionId)) throw notFound();
  const partner = await findLinkedPartner(client);
  const row = partner ? await findSharedEntry(partner, client.practiceId, submissionId) : null;
  if (!partner || !row) throw notFound();
  if (claimRequestEvent()) {
    await recordEvent(undefined, {
      practiceId: client.practiceId,
      actorId: client.userId,
      action: "entry.partner_viewed",
      subjectType: "Submission",
      subjectId: row.id,
      clientId: partner.clientId,
      address: await requestAddress(),
    });
  }
  const privateKeys = new Set(row.privateKeys);
  return {
    id: row.id,
    partnerName: partner.name,
    dueOn: fromDbDate(row.dueOn),
    sharedAt: row.sharedWithPartnerAt!,
    version: { ...row.version, fields: row.version.fields.filter((field) => !privateKeys.has(field.key)) },
    // The shared column only: private answers live in another column, never read here.
    answers: mergeAnswers(row.answers, {}),
  };
}

/**
 * Whether the caller may open this shared entry now: what the segment's
 * layout checks to answer a real 404 before streaming starts.
 */
export const isEntrySharedWithMe = cache(async (clientId: string, practiceId: string, submissionId: string): Promise<boolean> => {
  if (!isId(submissionId)) return false;
  const partner = await findLinkedPartner({ clientId, practiceId });
  return partner !== null && (await findSharedEntry(partner, practiceId, submissionId)) !== null;
});

/** For the clinician: which of a client's entries are shared with their partner now. */
export async function listSharedEntriesOfClient(scope: TherapistScope, clientId: string): Promise<SharedEntrySummary[]> {
  if (!isId(clientId)) return [];
  const rows = await db.submission.findMany({
    where: {
      clientId,
      practiceId: scope.practiceId,
      client: { therapistId: scope.therapistId },
      status: "SUBMITTED",
      sharedWithPartnerAt: { not: null },
    },
    orderBy: [{ sharedWithPartnerAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, dueOn: true, sharedWithPartnerAt: true, templateVersion: { select: { title: true } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.templateVersion.title, dueOn: fromDbDate(row.dueOn), sharedAt: row.sharedWithPartnerAt! }));
}
