// Who may see what: a client only their own entries, a therapist only their
// own clients' submissions, and text a client kept private never reaches any
// therapist query. Feedback flows back to the client.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listClientAssignments } from "@/lib/assignments/list-client-assignments";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { instantOf } from "@/lib/dates/local-date";
import { getEntryForClient } from "@/lib/homework/get-entry";
import { getOwnSubmission } from "@/lib/homework/get-own-submission";
import { getPortalOverview } from "@/lib/homework/portal-overview";
import { saveDraft } from "@/lib/homework/save-draft";
import { submitEntry } from "@/lib/homework/submit-entry";
import { getSubmissionForReview } from "@/lib/review/get-submission-for-review";
import { giveFeedback, setReviewed } from "@/lib/review/give-feedback";
import { countUnreviewed, listInbox } from "@/lib/review/list-inbox";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, createClientIn, microPromiseAnswers, rejection } from "@/tests/support/homework-fixtures";

const ZONE = "Europe/London";
const START = "2026-03-02";
const TODAY = "2026-03-12";
const YESTERDAY = "2026-03-11";
const NOW = instantOf(TODAY, "12:00", ZONE);
const CREATED = instantOf(START, "09:00", ZONE);

let therapistA: TherapistScope;
let therapistB: TherapistScope;

beforeAll(async () => {
  therapistA = (await createTherapist()).scope;
  therapistB = (await createTherapist()).scope;
});

async function rowsOf(assignmentId: string) {
  return db.submission.findMany({ where: { assignmentId }, orderBy: { entryKey: "asc" } });
}

describe("another client", () => {
  it("cannot read or write a client's draft or submission, and the owner's data is unchanged", async () => {
    const owner = await createClientIn(therapistA, ZONE);
    // The same practice and therapist: the strictest case.
    const sameTherapist = await createClientIn(therapistA, ZONE);
    const otherPractice = await createClientIn(therapistB, ZONE);
    const assignmentId = await assignBuiltIn(therapistA, "micro-promises", owner.clientId, { scheduleType: "DAILY", startDate: START }, CREATED);

    const submitted = await submitEntry(
      owner.scope,
      { assignmentId, entryKey: YESTERDAY, answers: microPromiseAnswers({ promise: "Owner's submitted promise" }), privateKeys: [], baseVersion: 0 },
      NOW,
    );
    await saveDraft(owner.scope, { assignmentId, entryKey: TODAY, answers: { promise: "Owner's draft" }, privateKeys: [], baseVersion: 0 }, NOW);
    const before = await rowsOf(assignmentId);

    for (const intruder of [sameTherapist, otherPractice]) {
      // Thunks, so each attempt runs (and is awaited) one at a time.
      const attempts = [
        () => saveDraft(intruder.scope, { assignmentId, entryKey: TODAY, answers: { promise: "Overwritten!" }, privateKeys: [], baseVersion: 1 }, NOW),
        () => saveDraft(intruder.scope, { assignmentId, entryKey: "2026-03-10", answers: { promise: "Planted" }, privateKeys: [], baseVersion: 0 }, NOW),
        () => submitEntry(intruder.scope, { assignmentId, entryKey: TODAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 1 }, NOW),
        () => submitEntry(intruder.scope, { assignmentId, entryKey: YESTERDAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, NOW),
        () => getEntryForClient(intruder.scope, assignmentId, TODAY, NOW),
        () => getEntryForClient(intruder.scope, assignmentId, YESTERDAY, NOW),
        () => getOwnSubmission(intruder.scope, submitted.submissionId, NOW),
      ];
      for (const attempt of attempts) expect((await rejection(attempt())).kind).toBe("not_found");
    }

    expect(await rowsOf(assignmentId)).toEqual(before);
    expect(before.map((row) => [row.entryKey, row.status, row.answers])).toEqual([
      [YESTERDAY, "SUBMITTED", { promise: "Owner's submitted promise", kept: "yes" }],
      [TODAY, "DRAFT", { promise: "Owner's draft" }],
    ]);
    // The owner still reaches both.
    expect(await getEntryForClient(owner.scope, assignmentId, TODAY, NOW)).toMatchObject({ kind: "writable", answers: { promise: "Owner's draft" } });
    expect((await getOwnSubmission(owner.scope, submitted.submissionId, NOW)).answers).toMatchObject({ promise: "Owner's submitted promise" });
  });
});

describe("another therapist", () => {
  it("cannot list, open, review, give feedback on, or see the assignments of a therapist's clients", async () => {
    const client = await createClientIn(therapistA, ZONE);
    const assignmentId = await assignBuiltIn(therapistA, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: START }, CREATED);
    const { submissionId } = await submitEntry(
      client.scope,
      { assignmentId, entryKey: TODAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
      NOW,
    );
    // A's own view, to show the data is there to be found.
    expect((await listInbox(therapistA, { clientId: client.clientId })).map((item) => item.id)).toEqual([submissionId]);

    expect((await listInbox(therapistB, { show: "all" })).map((item) => item.id)).not.toContain(submissionId);
    expect(await listInbox(therapistB, { clientId: client.clientId, show: "all" })).toEqual([]);
    expect(await countUnreviewed(therapistB)).toBe(0);
    expect((await rejection(getSubmissionForReview(therapistB, submissionId))).kind).toBe("not_found");
    expect((await rejection(giveFeedback(therapistB, { submissionId, body: "Looks good" }, NOW))).kind).toBe("not_found");
    expect((await rejection(setReviewed(therapistB, { submissionId, reviewed: true }, NOW))).kind).toBe("not_found");
    expect((await rejection(listClientAssignments(therapistB, client.clientId, NOW))).kind).toBe("not_found");

    expect(await db.feedback.count({ where: { submissionId } })).toBe(0);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).reviewedAt).toBeNull();
  });

  it("— and the own therapist — never gets a client's unsubmitted draft", async () => {
    const client = await createClientIn(therapistA, ZONE);
    const assignmentId = await assignBuiltIn(therapistA, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: START }, CREATED);
    await saveDraft(client.scope, { assignmentId, entryKey: TODAY, answers: { promise: "Not ready yet" }, privateKeys: [], baseVersion: 0 }, NOW);
    const [draft] = await rowsOf(assignmentId);

    expect(await listInbox(therapistA, { clientId: client.clientId, show: "all" })).toEqual([]);
    expect((await rejection(getSubmissionForReview(therapistA, draft!.id))).kind).toBe("not_found");
    expect((await rejection(giveFeedback(therapistA, { submissionId: draft!.id, body: "Early" }, NOW))).kind).toBe("not_found");
  });
});

describe("private answers", () => {
  it("never reach the therapist, while the client sees them and the therapist sees they were completed", async () => {
    const marker = `PRIVATE-${randomUUID()}`;
    const letter = `Dear little me, none of it was your fault. ${marker}`;
    const client = await createClientIn(therapistA, ZONE);
    const assignmentId = await assignBuiltIn(
      therapistA,
      "letter-to-younger-self",
      client.clientId,
      { scheduleType: "ONCE", startDate: START, dueDate: TODAY, note: "Take your time." },
      CREATED,
    );
    const entry = { assignmentId, entryKey: TODAY, privateKeys: ["letter"] };

    // Already while it is a draft, the shared column holds no private text.
    await saveDraft(client.scope, { ...entry, answers: { letter }, baseVersion: 0 }, NOW);
    const [draftRow] = await rowsOf(assignmentId);
    expect(JSON.stringify(draftRow!.answers)).not.toContain(marker);
    expect(JSON.stringify(draftRow!.privateAnswers)).toContain(marker);
    expect(await getEntryForClient(client.scope, assignmentId, TODAY, NOW)).toMatchObject({ answers: { letter }, privateKeys: ["letter"] });

    const { submissionId } = await submitEntry(
      client.scope,
      { ...entry, answers: { letter, how_it_felt: "Lighter than I expected" }, baseVersion: 1 },
      NOW,
    );

    const review = await getSubmissionForReview(therapistA, submissionId);
    expect(JSON.stringify(review)).not.toContain(marker);
    expect(review.privateKeys).toEqual(["letter"]);
    expect(review.answers).toEqual({ how_it_felt: "Lighter than I expected" });
    expect(review.version.fields.map((field) => field.key)).toContain("letter");

    const inbox = await listInbox(therapistA, { show: "all" });
    expect(inbox.map((item) => item.id)).toContain(submissionId);
    expect(JSON.stringify(inbox)).not.toContain(marker);
    expect(JSON.stringify(await listInbox(therapistA, { clientId: client.clientId }))).not.toContain(marker);

    const assignments = await listClientAssignments(therapistA, client.clientId, NOW);
    expect(assignments.map((item) => item.id)).toEqual([assignmentId]);
    expect(JSON.stringify(assignments)).not.toContain(marker);

    const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(JSON.stringify(row.answers)).not.toContain(marker);
    expect(row.answers).toEqual({ how_it_felt: "Lighter than I expected" });
    expect(row.privateKeys).toEqual(["letter"]);
    // It is stored — only in the column therapist queries never select.
    expect(row.privateAnswers).toEqual({ letter });

    const own = await getOwnSubmission(client.scope, submissionId, NOW);
    expect(own.answers).toEqual({ letter, how_it_felt: "Lighter than I expected" });
    expect(JSON.stringify(own)).toContain(marker);
    expect(own.privateKeys).toEqual(["letter"]);
  });

  it("ignores a request to keep a field private that the exercise does not allow to be private", async () => {
    const marker = `VISIBLE-${randomUUID()}`;
    const client = await createClientIn(therapistA, ZONE);
    const assignmentId = await assignBuiltIn(therapistA, "roots-of-mistrust", client.clientId, { scheduleType: "ONCE", startDate: START, dueDate: TODAY }, CREATED);
    const answers = {
      when_it_began: "In my teens.",
      source: "both",
      source_why: `Because of what happened last year. ${marker}`,
      hurtful_behaviour: "Messages I was not supposed to see.",
      early_experiences: "A parent who often did not turn up.",
    };

    const { submissionId } = await submitEntry(
      client.scope,
      // source_why is not privateAllowed; "source" is not even long text; early_experiences is.
      { assignmentId, entryKey: TODAY, answers, privateKeys: ["source_why", "source", "early_experiences", "no_such_field"], baseVersion: 0 },
      NOW,
    );

    const review = await getSubmissionForReview(therapistA, submissionId);
    expect(review.privateKeys).toEqual(["early_experiences"]);
    expect(review.answers.source_why).toBe(answers.source_why);
    expect(review.answers.source).toBe("both");
    expect(review.answers).not.toHaveProperty("early_experiences");
    expect(JSON.stringify(review)).toContain(marker);
  });
});

describe("feedback", () => {
  it("marks the entry reviewed, reaches the client, is marked read when opened, and shows under done", async () => {
    const client = await createClientIn(therapistA, ZONE);
    const assignmentId = await assignBuiltIn(therapistA, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: START }, CREATED);
    const { submissionId } = await submitEntry(
      client.scope,
      { assignmentId, entryKey: TODAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
      NOW,
    );
    expect((await listInbox(therapistA, { clientId: client.clientId })).map((item) => [item.id, item.reviewed])).toEqual([[submissionId, false]]);

    const reviewedAt = instantOf(TODAY, "16:00", ZONE);
    await giveFeedback(therapistA, { submissionId, body: "Lovely to see you keep that one." }, reviewedAt);

    const review = await getSubmissionForReview(therapistA, submissionId);
    expect(review.reviewedAt).toEqual(reviewedAt);
    expect(review.feedback).toEqual([expect.objectContaining({ body: "Lovely to see you keep that one.", readAt: null })]);
    // Reviewed entries leave the "new" inbox but stay in "all".
    expect(await listInbox(therapistA, { clientId: client.clientId })).toEqual([]);
    expect((await listInbox(therapistA, { clientId: client.clientId, show: "all" })).map((item) => [item.id, item.reviewed])).toEqual([
      [submissionId, true],
    ]);

    const evening = instantOf(TODAY, "20:00", ZONE);
    const unread = (await getPortalOverview(client.scope, evening)).done.find((item) => item.submissionId === submissionId);
    expect(unread).toMatchObject({ hasFeedback: true, unreadFeedback: true, dueOn: TODAY, title: "30-day micro-promises" });

    const readAt = instantOf(TODAY, "20:05", ZONE);
    const own = await getOwnSubmission(client.scope, submissionId, readAt);
    expect(own.feedback.map((item) => item.body)).toEqual(["Lovely to see you keep that one."]);
    expect(own.therapistName).toBe("Dr Test Therapist");
    expect((await db.feedback.findFirstOrThrow({ where: { submissionId } })).readAt).toEqual(readAt);

    const read = (await getPortalOverview(client.scope, evening)).done.find((item) => item.submissionId === submissionId);
    expect(read).toMatchObject({ hasFeedback: true, unreadFeedback: false });
  });
});
