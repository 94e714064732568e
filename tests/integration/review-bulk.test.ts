// The review inbox: several entries marked reviewed in one action, scoped by
// the caller's caseload in the data layer (a colleague's or another
// practice's entries are ignored), and "next entry" to the next unreviewed one.
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { addDays, instantOf } from "@/lib/dates/local-date";
import { submitEntry } from "@/lib/homework/submit-entry";
import { bulkReviewedSchema } from "@/lib/review/bulk-schema";
import { markReviewedMany, nextUnreviewedEntry } from "@/lib/review/mark-reviewed-many";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, createClientIn, microPromiseAnswers } from "@/tests/support/homework-fixtures";
import { addColleague, ownerOf } from "@/tests/support/practice-fixtures";

const NY = "America/New_York";
const START = "2026-03-01";

/** One submitted micro-promise entry per day from START, submitted at 20:00 that day; returns their ids, oldest first. */
async function entries(therapist: TherapistScope, days: number): Promise<string[]> {
  const client = await createClientIn(therapist, NY);
  const assignmentId = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: START }, new Date(`${START}T12:00:00Z`));
  const ids: string[] = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(START, day);
    await submitEntry(client.scope, { assignmentId, entryKey: date, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, instantOf(date, "20:00", NY));
    const row = await db.submission.findFirstOrThrow({ where: { assignmentId, entryKey: date }, select: { id: true } });
    ids.push(row.id);
  }
  return ids;
}

const reviewedAt = async (ids: string[]) =>
  (await db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, reviewedAt: true } })).filter((row) => row.reviewedAt).map((row) => row.id);

let owner: TherapistScope;
let colleague: TherapistScope;
let stranger: TherapistScope;

beforeAll(async () => {
  owner = (await createTherapist()).scope;
  colleague = (await addColleague(ownerOf(owner))).scope;
  stranger = (await createTherapist()).scope;
});

describe("markReviewedMany", () => {
  it("marks the caller's chosen entries reviewed in one go and leaves the rest", async () => {
    const mine = await entries(owner, 3);
    const count = await markReviewedMany(owner, [mine[0]!, mine[2]!]);
    expect(count).toBe(2);
    expect((await reviewedAt(mine)).sort()).toEqual([mine[0]!, mine[2]!].sort());
  });

  it("ignores entries of a colleague in the same practice and of another practice", async () => {
    const mine = await entries(owner, 1);
    const colleagues = await entries(colleague, 1);
    const strangers = await entries(stranger, 1);
    const count = await markReviewedMany(owner, [...mine, ...colleagues, ...strangers, "no-such-entry"]);
    expect(count).toBe(1);
    expect(await reviewedAt([...mine, ...colleagues, ...strangers])).toEqual(mine);
  });

  it("counts an entry already reviewed as nothing new, and keeps its first review time", async () => {
    const [id] = await entries(owner, 1);
    const first = new Date("2026-03-05T10:00:00Z");
    expect(await markReviewedMany(owner, [id!], first)).toBe(1);
    expect(await markReviewedMany(owner, [id!], new Date("2026-03-06T10:00:00Z"))).toBe(0);
    expect((await db.submission.findUniqueOrThrow({ where: { id: id! } })).reviewedAt).toEqual(first);
  });

  it("lowers the caseload's waiting count by the number marked", async () => {
    const ids = await entries(colleague, 2);
    const waiting = async () => (await db.client.aggregate({ where: { therapistId: colleague.therapistId }, _sum: { unreviewedCount: true } }))._sum.unreviewedCount;
    const before = await waiting();
    await markReviewedMany(colleague, ids);
    expect(await waiting()).toBe((before ?? 0) - 2);
  });
});

describe("bulkReviewedSchema", () => {
  it("needs at least one well-formed id and at most 200", () => {
    expect(bulkReviewedSchema.safeParse({ submissionIds: [] }).error?.issues[0]?.message).toBe("Choose at least one entry.");
    expect(bulkReviewedSchema.safeParse({ submissionIds: ["a b"] }).success).toBe(false);
    expect(bulkReviewedSchema.safeParse({ submissionIds: Array.from({ length: 201 }, (_, i) => `id${i}`) }).success).toBe(false);
    expect(bulkReviewedSchema.parse({ submissionIds: ["a", "a", "b"] }).submissionIds).toEqual(["a", "b"]);
  });
});

describe("nextUnreviewedEntry", () => {
  it("goes to the next older unreviewed entry in inbox order, then wraps to the newest, then none", async () => {
    const therapist = (await createTherapist()).scope;
    const [oldest, middle, newest] = await entries(therapist, 3);
    // The inbox lists newest first: newest → middle → oldest.
    expect(await nextUnreviewedEntry(therapist, newest!)).toBe(middle);
    expect(await nextUnreviewedEntry(therapist, middle!)).toBe(oldest);
    expect(await nextUnreviewedEntry(therapist, oldest!)).toBe(newest);
    await markReviewedMany(therapist, [middle!]);
    expect(await nextUnreviewedEntry(therapist, newest!)).toBe(oldest);
    await markReviewedMany(therapist, [oldest!, newest!]);
    expect(await nextUnreviewedEntry(therapist, newest!)).toBeNull();
  });

  it("never leads into someone else's caseload", async () => {
    const therapist = (await createTherapist()).scope;
    const [only] = await entries(therapist, 1);
    await entries(stranger, 2);
    expect(await nextUnreviewedEntry(therapist, only!)).toBeNull();
    // Asked about an entry that is not theirs, it answers from their own inbox only.
    const strangers = await entries(stranger, 1);
    expect(await nextUnreviewedEntry(therapist, strangers[0]!)).toBe(only);
  });
});
