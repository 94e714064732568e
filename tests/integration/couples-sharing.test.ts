// A client shares one submitted entry with their linked partner, and can
// withdraw it. The partner reads only the shared answers of entries shared
// now, while the two are linked; every share, withdrawal and look is in the
// author's audit trail; entries about safety are never shareable.
import { beforeAll, describe, expect, it } from "vitest";
import { linkPartners, unlinkPartner } from "@/lib/clients/link-partners";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { setEntrySharing, NO_PARTNER_MESSAGE } from "@/lib/couples/share-entry";
import { SAFETY_ENTRY_MESSAGE } from "@/lib/couples/shareable";
import { getEntrySharedWithMe, isEntrySharedWithMe, listEntriesSharedWithMe, listSharedEntriesOfClient } from "@/lib/couples/shared-entries";
import { entrySharingSchema } from "@/lib/couples/schema";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { todayIn } from "@/lib/dates/local-date";
import { assign, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const ZONE = "Europe/London";
const NOW = new Date();

let therapist: TherapistScope;
let otherTherapist: TherapistScope;
let reflectionId: string;
let safetyTemplateId: string;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  otherTherapist = (await createTherapist()).scope;
  const base = { purpose: "A few minutes to put the day into words.", kind: "journal" as const, estimatedMinutes: 5, allowsMultiplePerDay: false };
  reflectionId = (
    await createCustomTemplate(therapist, {
      ...base,
      title: "Evening reflection",
      fields: [
        { type: "long_text", key: "what_happened", label: "What happened?" },
        { type: "long_text", key: "just_for_me", label: "Anything only for you?", privateAllowed: true, required: false },
        { type: "scale", key: "closeness", label: "How close did you feel?", minLabel: "Far apart", maxLabel: "Very close" },
      ],
    })
  ).templateId;
  safetyTemplateId = (
    await createCustomTemplate(therapist, {
      ...base,
      title: "Feeling safe",
      fields: [{ type: "yes_partly_no", key: "felt_unsafe", label: "Did you feel unsafe with your partner?", safety: { whenAnswerIn: ["yes"] } }],
    })
  ).templateId;
});

async function couple() {
  const author = await createClientIn(therapist, ZONE, "Robin Okoro");
  const partner = await createClientIn(therapist, ZONE, "Kai");
  await linkPartners(therapist, author.clientId, partner.clientId);
  return { author, partner };
}

async function submitReflection(client: Awaited<ReturnType<typeof createClientIn>>, answers: Record<string, unknown>, privateKeys: string[] = []) {
  const [assignmentId] = await assign(
    therapist,
    { templateId: reflectionId, clientIds: [client.clientId], scheduleType: "ONCE", startDate: todayIn(ZONE, NOW), dueDate: todayIn(ZONE, NOW) },
    NOW,
  );
  const { submissionId } = await submitEntry(client.scope, { assignmentId: assignmentId!, entryKey: todayIn(ZONE, NOW), answers, privateKeys, baseVersion: 0 });
  return submissionId;
}

const events = (submissionId: string) =>
  db.auditEvent.findMany({ where: { subjectId: submissionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true, clientId: true } });

describe("sharing an entry with a partner", () => {
  it("shows the partner only the shared answers, only while shared, and audits share, look and withdrawal", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(
      author,
      { what_happened: "We cooked together and I didn't check your phone.", just_for_me: "I still feel the pull to check.", closeness: 7 },
      ["just_for_me"],
    );

    // Not shared yet: nothing for the partner.
    expect((await listEntriesSharedWithMe(partner.scope)).entries).toEqual([]);
    expect((await rejection(getEntrySharedWithMe(partner.scope, submissionId))).kind).toBe("not_found");

    expect(await setEntrySharing(author.scope, { submissionId, share: true })).toEqual({ shared: true, changed: true });

    const listed = await listEntriesSharedWithMe(partner.scope);
    expect(listed.partner).toEqual({ clientId: author.clientId, name: "Robin" });
    expect(listed.entries.map((entry) => [entry.id, entry.title])).toEqual([[submissionId, "Evening reflection"]]);
    const entry = await getEntrySharedWithMe(partner.scope, submissionId);
    expect(entry.partnerName).toBe("Robin");
    expect(entry.answers).toEqual({ what_happened: "We cooked together and I didn't check your phone.", closeness: 7 });
    // The private question is not even listed, and its text never leaves the database.
    expect(entry.version.fields.map((field) => field.key)).toEqual(["what_happened", "closeness"]);
    expect(JSON.stringify(entry)).not.toContain("pull to check");
    // The author is not "shared with" their own entry.
    expect((await listEntriesSharedWithMe(author.scope)).entries).toEqual([]);
    expect(await isEntrySharedWithMe(author.clientId, author.scope.practiceId, submissionId)).toBe(false);

    // The clinician sees what is shared.
    expect((await listSharedEntriesOfClient(therapist, author.clientId)).map((row) => row.id)).toEqual([submissionId]);
    expect(await listSharedEntriesOfClient(otherTherapist, author.clientId)).toEqual([]);

    expect(await setEntrySharing(author.scope, { submissionId, share: false })).toEqual({ shared: false, changed: true });
    expect((await listEntriesSharedWithMe(partner.scope)).entries).toEqual([]);
    expect((await rejection(getEntrySharedWithMe(partner.scope, submissionId))).kind).toBe("not_found");
    expect(await isEntrySharedWithMe(partner.clientId, partner.scope.practiceId, submissionId)).toBe(false);

    expect(await events(submissionId)).toEqual([
      { action: "entry.shared_with_partner", actorId: author.userId, clientId: author.clientId },
      { action: "entry.partner_viewed", actorId: partner.userId, clientId: author.clientId },
      { action: "entry.sharing_withdrawn", actorId: author.userId, clientId: author.clientId },
    ]);
  });

  it("30 identical requests at once change the entry once and write one event", async () => {
    const { author } = await couple();
    const submissionId = await submitReflection(author, { what_happened: "A calm evening.", closeness: 6 });

    const results = await Promise.all(Array.from({ length: 30 }, () => setEntrySharing(author.scope, { submissionId, share: true })));

    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect(results.every((result) => result.shared)).toBe(true);
    expect((await events(submissionId)).map((event) => event.action)).toEqual(["entry.shared_with_partner"]);
  });

  it("ends sharing when the couple is unlinked, so a later partner never sees it", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author, { what_happened: "We talked.", closeness: 5 });
    await setEntrySharing(author.scope, { submissionId, share: true });

    await unlinkPartner(therapist, author.clientId);

    expect(await listEntriesSharedWithMe(partner.scope)).toEqual({ partner: null, entries: [] });
    expect((await rejection(getEntrySharedWithMe(partner.scope, submissionId))).kind).toBe("not_found");
    // …and nothing new can be shared without a partner.
    const error = await rejection(setEntrySharing(author.scope, { submissionId, share: true }));
    expect(error.message).toBe(NO_PARTNER_MESSAGE);

    // Linked later with someone else: what was shared with the first partner stays closed.
    const next = await createClientIn(therapist, ZONE, "Noa");
    await linkPartners(therapist, author.clientId, next.clientId);
    expect((await listEntriesSharedWithMe(next.scope)).entries).toEqual([]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).sharedWithPartnerAt).toBeNull();
  });

  it("lets only the author share: the partner, another client and another practice's client get not found", async () => {
    const { author, partner } = await couple();
    const stranger = await createClientIn(therapist, ZONE, "Sol");
    const elsewhere = await createClientIn(otherTherapist, ZONE, "Ari");
    const submissionId = await submitReflection(author, { what_happened: "Fine.", closeness: 4 });

    for (const caller of [partner, stranger, elsewhere]) {
      expect((await rejection(setEntrySharing(caller.scope, { submissionId, share: true }))).kind).toBe("not_found");
    }
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).sharedWithPartnerAt).toBeNull();
    expect((await rejection(getEntrySharedWithMe(stranger.scope, submissionId))).kind).toBe("not_found");
  });

  it("never shares an entry that asks about safety", async () => {
    const { author, partner } = await couple();
    const [assignmentId] = await assign(
      therapist,
      { templateId: safetyTemplateId, clientIds: [author.clientId], scheduleType: "ONCE", startDate: todayIn(ZONE, NOW), dueDate: todayIn(ZONE, NOW) },
      NOW,
    );
    const { submissionId } = await submitEntry(author.scope, { assignmentId: assignmentId!, entryKey: todayIn(ZONE, NOW), answers: { felt_unsafe: "no" }, privateKeys: [], baseVersion: 0 });

    const error = await rejection(setEntrySharing(author.scope, { submissionId, share: true }));

    expect(error.message).toBe(SAFETY_ENTRY_MESSAGE);
    // Even if the column were set behind the app's back, the partner cannot read it.
    await db.submission.update({ where: { id: submissionId }, data: { sharedWithPartnerAt: NOW } });
    expect((await listEntriesSharedWithMe(partner.scope)).entries).toEqual([]);
    expect((await rejection(getEntrySharedWithMe(partner.scope, submissionId))).kind).toBe("not_found");
  });

  it("refuses ids no record can have and anything but yes/no", () => {
    expect(entrySharingSchema.safeParse({ submissionId: "c\u0000x", share: "yes" }).success).toBe(false);
    expect(entrySharingSchema.safeParse({ submissionId: "cabc", share: "maybe" }).success).toBe(false);
    expect(entrySharingSchema.parse({ submissionId: "cabc", share: "no" })).toEqual({ submissionId: "cabc", share: false });
  });
});
