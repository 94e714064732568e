// The measured bad inputs of issue 8 (#6, and the weak password of #7)
// against the real database: each goes the way an action sends it (zod
// schema, then the data function) or straight into the data function, and
// ends as a field error or a not-found, never as a PostgreSQL error, and
// nothing is stored.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEntryForClient } from "@/lib/homework/get-entry";
import { getOwnSubmission } from "@/lib/homework/get-own-submission";
import { loadOwnAssignment } from "@/lib/homework/load-assignment";
import { ENTRY_TOO_LONG } from "@/lib/homework/payload-limits";
import { saveDraft } from "@/lib/homework/save-draft";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { listTemplates } from "@/lib/templates/list-templates";
import { createCustomTemplate } from "@/lib/templates/save-template";
import type { TherapistScope } from "@/lib/clients/scope";
import type { ClientScope } from "@/lib/homework/client-scope";
import { assignSchema } from "@/lib/validations/assignments";
import { signUpSchema } from "@/lib/validations/auth";
import { acknowledgeCaseloadFlagSchema } from "@/lib/validations/caseload";
import { addClientSchema } from "@/lib/validations/clients";
import { entryPayloadSchema } from "@/lib/validations/entries";
import { newPasswordField } from "@/lib/validations/fields";
import { acknowledgeFlagSchema, feedbackSchema } from "@/lib/validations/review";
import { libraryFilterSchema } from "@/lib/validations/templates";
import { TEXT_MESSAGES } from "@/lib/validations/text";
import { DEMO_PASSWORD } from "@/scripts/seed/demo-accounts";
import { BENCH_PASSWORD } from "@/bench/practices";
import { PASSWORD as E2E_PASSWORD } from "@/e2e/support/factories";
import { assignBuiltIn, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";

const NUL = "\u0000";
const LONE = "\uD83D";
const RLO = "\u202E";
const ZWSP = "\u200B";

/** What an action returns for a schema failure: field → messages. */
function fieldErrors<S extends z.ZodType>(schema: S, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  expect(result.success, "the schema refuses it, so no data function runs").toBe(false);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

let therapist: TherapistScope;
let client: ClientScope;
let clientId: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  const created = await createClientIn(therapist, "UTC", "Bad Input Client");
  client = created.scope;
  clientId = created.clientId;
});

describe("names", () => {
  it("a null byte in a sign-up name or practice name is a field error, and no practice is made", async () => {
    const practiceName = `Practice ${randomUUID()}`;
    const signUp = { name: "Dr Null", practiceName, email: uniqueEmail("null"), password: PASSWORD, timeZone: "UTC" };
    expect(fieldErrors(signUpSchema, { ...signUp, name: `Dr${NUL}Null` })).toEqual({ name: [TEXT_MESSAGES.control] });
    expect(fieldErrors(signUpSchema, { ...signUp, practiceName: `${practiceName}${NUL}` })).toEqual({ practiceName: [TEXT_MESSAGES.control] });
    expect(await db.practice.count({ where: { name: { startsWith: practiceName } } })).toBe(0);
  });

  it("a client name of a null byte, only zero-width characters or with a right-to-left override is refused; nothing stored", async () => {
    const before = await db.client.count({ where: { therapistId: therapist.therapistId } });
    const client = { email: uniqueEmail("client"), timeZone: "UTC" };
    expect(fieldErrors(addClientSchema, { ...client, displayName: `Sam${NUL}` })).toEqual({ displayName: [TEXT_MESSAGES.control] });
    expect(fieldErrors(addClientSchema, { ...client, displayName: ZWSP.repeat(4) })).toEqual({ displayName: ["Enter a name."] });
    expect(fieldErrors(addClientSchema, { ...client, displayName: `Sam${RLO}exe.doc` })).toEqual({ displayName: [TEXT_MESSAGES.bidi] });
    expect(fieldErrors(addClientSchema, { ...client, displayName: `Sam${LONE}` })).toEqual({ displayName: [TEXT_MESSAGES.surrogate] });
    expect(await db.client.count({ where: { therapistId: therapist.therapistId } })).toBe(before);
  });
});

describe("passwords", () => {
  it("password1234 and other common passwords are refused", () => {
    for (const password of ["password1234", "Password1234", "123456789012", "qwertyuiop123", "trustno1trustno1"]) {
      const result = newPasswordField.safeParse(password);
      expect(result.success, password).toBe(false);
      expect(result.error?.issues[0]?.message, password).toMatch(/^This password is too easy to guess\./);
    }
  });

  it("the demo, bench and test passwords still pass", () => {
    for (const password of [DEMO_PASSWORD, BENCH_PASSWORD, PASSWORD, E2E_PASSWORD]) {
      expect(newPasswordField.safeParse(password).success, password).toBe(true);
    }
  });
});

describe("answers and drafts", () => {
  let assignmentId: string;
  const now = () => new Date();

  beforeAll(async () => {
    assignmentId = await assignBuiltIn(therapist, "letter-to-younger-self", clientId, { scheduleType: "ONCE", startDate: today, dueDate: today }, now());
  });

  async function storedAnswers() {
    const row = await db.submission.findUnique({ where: { assignmentId_entryKey: { assignmentId, entryKey: today } }, select: { answers: true, privateAnswers: true } });
    return JSON.stringify([row?.answers ?? null, row?.privateAnswers ?? null]);
  }

  const draft = (answers: unknown, baseVersion = 0) => ({ assignmentId, entryKey: today, answers, privateKeys: [], baseVersion });

  it("a null byte, a lone surrogate or a bidi override in an answer is a field error; nothing is stored", async () => {
    const { fields } = (await loadOwnAssignment(client, assignmentId)).version;
    const text = fields.find((field) => field.type === "long_text")!;
    const before = await storedAnswers();
    for (const [bad, message] of [
      [`Dear me${NUL}`, TEXT_MESSAGES.control],
      [`Dear me ${LONE}`, TEXT_MESSAGES.surrogate],
      [`Dear ${RLO}me`, TEXT_MESSAGES.bidi],
    ] as const) {
      const error = await rejection(saveDraft(client, draft({ [text.key]: bad })));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[text.key]).toEqual([message]);
      const submitted = await rejection(submitEntry(client, draft({ [text.key]: bad })));
      expect(submitted.fieldErrors[text.key]).toEqual([message]);
    }
    expect(await storedAnswers()).toBe(before);
    expect(await storedAnswers()).not.toContain("Dear");
  });

  it("a 10 MB draft gets the clear message on its longest answer; nothing is stored", async () => {
    const { fields } = (await loadOwnAssignment(client, assignmentId)).version;
    const text = fields.find((field) => field.type === "long_text")!;
    const error = await rejection(saveDraft(client, draft({ [text.key]: "x".repeat(10 * 1024 * 1024) })));
    expect(error.kind).toBe("invalid");
    expect(error.message).toBe(ENTRY_TOO_LONG);
    expect(error.fieldErrors[text.key]).toEqual(["This answer is too long to save. Please shorten it."]);
    expect(await storedAnswers()).not.toContain("xxxx");
  });

  it("an answer nested deeper than the stack is refused, not a crash", async () => {
    let deep: unknown = "bottom";
    for (let depth = 0; depth < 20_000; depth++) deep = [deep];
    const error = await rejection(saveDraft(client, draft({ anything: deep })));
    expect(error.kind).toBe("invalid");
  });

  it("baseVersion 2**40 is refused by the action's schema and by the data function", async () => {
    expect(Object.keys(fieldErrors(entryPayloadSchema, draft({}, 2 ** 40)))).toEqual(["baseVersion"]);
    for (const baseVersion of [2 ** 40, -1, 0.5, Number.NaN]) {
      const error = await rejection(saveDraft(client, draft({}, baseVersion)));
      expect(error.kind, String(baseVersion)).toBe("invalid");
      const submitted = await rejection(submitEntry(client, draft({}, baseVersion)));
      expect(submitted.kind, String(baseVersion)).toBe("invalid");
    }
  });

  it("ids and entry keys no record can have are not found (or closed), never a database error", async () => {
    for (const bad of [NUL, `${assignmentId}${NUL}`, "x".repeat(5000), `${RLO}abc`]) {
      expect((await rejection(loadOwnAssignment(client, bad))).kind).toBe("not_found");
      expect((await rejection(getOwnSubmission(client, bad))).kind).toBe("not_found");
      expect((await rejection(getEntryForClient(client, assignmentId, bad))).kind).toBe("not_found");
      expect((await rejection(startLogEntry(client, bad))).kind).toBe("not_found");
      expect(await rejection(saveDraft(client, { ...draft({}), entryKey: bad }))).toBeInstanceOf(AppError);
      expect(await rejection(submitEntry(client, { ...draft({}), assignmentId: bad }))).toBeInstanceOf(AppError);
    }
  });
});

describe("notes and templates", () => {
  it("a null byte in feedback or an acknowledgement note is a field error", () => {
    expect(fieldErrors(feedbackSchema, { submissionId: "cm5x2k0a30000abcdxyz12345", body: `Lovely${NUL}` })).toEqual({ body: [TEXT_MESSAGES.control] });
    expect(fieldErrors(acknowledgeFlagSchema, { flagId: "cm5x2k0a30000abcdxyz12345", note: `Called${NUL}` })).toEqual({ note: [TEXT_MESSAGES.control] });
    expect(fieldErrors(acknowledgeCaseloadFlagSchema, { kind: "OVERDUE", clientId, note: `Away${LONE}` })).toEqual({ note: [TEXT_MESSAGES.surrogate] });
    expect(Object.keys(fieldErrors(feedbackSchema, { submissionId: NUL, body: "Lovely" }))).toEqual(["submissionId"]);
  });

  it("a null byte in a template's title or a question is a field error from the data function; nothing is stored", async () => {
    const title = `Null template ${randomUUID()}`;
    const template = {
      title: `${title}${NUL}`,
      purpose: "A quiet minute.",
      kind: "journal" as const,
      estimatedMinutes: 5,
      allowsMultiplePerDay: false,
      fields: [{ type: "long_text" as const, key: "day", label: `How was the day?${NUL}` }],
    };
    const error = await rejection(createCustomTemplate(therapist, template));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors["title"]).toEqual([TEXT_MESSAGES.control]);
    expect(error.fieldErrors["fields.0.label"]).toEqual([TEXT_MESSAGES.control]);
    expect(await db.exerciseTemplate.count({ where: { title: { startsWith: title } } })).toBe(0);
  });

  it("/library?q=%00 searches for nothing instead of failing", async () => {
    const filter = libraryFilterSchema.parse({ q: NUL });
    const everything = await listTemplates(therapist, { query: filter.q, kind: filter.kind });
    expect(everything.length).toBeGreaterThan(0);
    const dirty = libraryFilterSchema.parse({ q: `letter${NUL}` });
    expect(dirty.q).toBe("letter");
    expect((await listTemplates(therapist, { query: dirty.q, kind: undefined })).map((template) => template.title)).toContain("Letter to my younger self");
  });
});

describe("dates", () => {
  it("an assignment starting 9999-12-31 is refused and nothing is stored", async () => {
    const before = await db.assignment.count({ where: { clientId } });
    const input = { templateId: "cm5x2k0a30000abcdxyz12345", clientIds: [clientId], scheduleType: "DAILY" };
    expect(fieldErrors(assignSchema, { ...input, startDate: "9999-12-31" })).toEqual({ startDate: ["Choose a start date within the next two years."] });
    expect(fieldErrors(assignSchema, { ...input, scheduleType: "ONCE", startDate: today, dueDate: "9999-12-31" })).toEqual({
      dueDate: ["Choose a due date within two years of the start date."],
    });
    expect(await db.assignment.count({ where: { clientId } })).toBe(before);
  });
});
