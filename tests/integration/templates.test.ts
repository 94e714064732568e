import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { builtInExercises, standardizedMeasures, templateFieldsSchema } from "@/lib/exercises";
import { draftFromField, emptyDraft, syncBlanks, toFieldPayloads } from "@/components/library/builder-model";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { getTemplate } from "@/lib/templates/get-template";
import { listTemplates } from "@/lib/templates/list-templates";
import { createCustomTemplate, isLatestVersionAssigned, updateCustomTemplate } from "@/lib/templates/save-template";
import { syncBuiltInTemplates } from "@/lib/templates/sync-built-ins";
import type { TherapistScope } from "@/lib/clients/scope";
import { NO_QUESTIONS, parseTemplateForm, type TemplateInput } from "@/lib/validations/templates";
import { createInvitedClient, createTherapist } from "@/tests/support/integration-fixtures";

const BUILT_IN_COUNT = builtInExercises.length + standardizedMeasures.length;

function templateInput(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return {
    title: `Evening reflection ${randomUUID()}`,
    purpose: "A few quiet minutes to notice what helped today.",
    kind: "journal",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [
      { type: "long_text", key: "what_stood_out", label: "What stood out for you today?", privateAllowed: true },
      { type: "scale", key: "closeness", label: "How close did you feel?", minLabel: "Distant", maxLabel: "Very close" },
    ],
    ...overrides,
  };
}

async function versionsOf(templateId: string) {
  return db.templateVersion.findMany({ where: { templateId }, orderBy: { version: "asc" }, select: versionSelect });
}

async function assignVersion(scope: TherapistScope, templateId: string, templateVersionId: string) {
  const { client } = await createInvitedClient(scope);
  const day = new Date(Date.UTC(2025, 0, 6));
  return db.assignment.create({
    data: {
      practiceId: scope.practiceId,
      therapistId: scope.therapistId,
      clientId: client.id,
      templateId,
      templateVersionId,
      scheduleType: "ONCE",
      startDate: day,
      dueDate: day,
      weekdays: [],
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  // Idempotent; the extended client is a superset of what the sync needs.
  await syncBuiltInTemplates(db as unknown as Parameters<typeof syncBuiltInTemplates>[0]);
});

describe("listTemplates", () => {
  it("shows every built-in plus the practice's own exercises", async () => {
    const { scope } = await createTherapist();
    const own = await createCustomTemplate(scope, templateInput());

    const templates = await listTemplates(scope);

    expect(templates.filter((template) => template.builtIn)).toHaveLength(BUILT_IN_COUNT);
    expect(BUILT_IN_COUNT).toBe(18);
    expect(templates.filter((template) => !template.builtIn).map((template) => template.id)).toEqual([own.templateId]);
  });

  it("searches titles case-insensitively and filters by kind", async () => {
    const { scope } = await createTherapist();
    const marker = randomUUID().slice(0, 8);
    const journal = await createCustomTemplate(scope, templateInput({ title: `Gratitude ${marker} notes` }));
    await createCustomTemplate(scope, templateInput({ title: `Check-in ${marker}`, kind: "measure" }));

    const found = await listTemplates(scope, { query: `GRATITUDE ${marker.toUpperCase()}` });
    expect(found.map((template) => template.id)).toEqual([journal.templateId]);

    const scripts = await listTemplates(scope, { kind: "script" });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((template) => template.kind === "script")).toBe(true);
    expect(scripts.map((template) => template.title)).toContain("I-statement builder");

    const measures = await listTemplates(scope, { query: marker, kind: "measure" });
    expect(measures.map((template) => template.title)).toEqual([`Check-in ${marker}`]);
  });

  it("leaves archived exercises out", async () => {
    const { scope } = await createTherapist();
    const own = await createCustomTemplate(scope, templateInput());

    await archiveTemplate(scope, own.templateId);

    expect((await listTemplates(scope)).some((template) => template.id === own.templateId)).toBe(false);
    expect((await rejection(archiveTemplate(scope, own.templateId))).kind).toBe("not_found");
    expect((await rejection(updateCustomTemplate(scope, own.templateId, templateInput()))).kind).toBe("not_found");
  });
});

describe("another practice's exercises", () => {
  it("read as not found for every operation and stay untouched", async () => {
    const a = await createTherapist();
    const b = await createTherapist();
    const input = templateInput();
    const own = await createCustomTemplate(a.scope, input);

    expect((await listTemplates(b.scope)).some((template) => template.id === own.templateId)).toBe(false);
    const attempts = [
      () => getTemplate(b.scope, own.templateId),
      () => updateCustomTemplate(b.scope, own.templateId, templateInput({ title: "Taken over" })),
      () => duplicateTemplate(b.scope, own.templateId),
      () => archiveTemplate(b.scope, own.templateId),
      () => isLatestVersionAssigned(b.scope, own.templateId),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt());
      expect(error.kind).toBe("not_found");
    }

    const stored = await getTemplate(a.scope, own.templateId);
    expect(stored.current.title).toBe(input.title);
    expect(stored.current.version).toBe(1);
    const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { id: own.templateId } });
    expect(template.archivedAt).toBeNull();
    expect(await db.exerciseTemplate.count({ where: { basedOnId: own.templateId } })).toBe(0);
  });
});

describe("createCustomTemplate", () => {
  it("stores version 1 owned by the practice, with defaults filled in and a content hash", async () => {
    const { scope } = await createTherapist();

    const saved = await createCustomTemplate(scope, templateInput({ instructions: "  Think about today.  " }));

    const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { id: saved.templateId } });
    expect(template).toMatchObject({ practiceId: scope.practiceId, createdById: scope.therapistId, kind: "journal", slug: null });
    const [version] = await versionsOf(saved.templateId);
    const parsed = toExerciseVersion(version!, template.kind);
    expect(parsed.version).toBe(1);
    expect(parsed.instructions).toBe("Think about today.");
    expect(parsed.fields[0]).toMatchObject({ type: "long_text", required: true, maxLength: 10_000, privateAllowed: true });
    const row = await db.templateVersion.findFirstOrThrow({ where: { templateId: saved.templateId } });
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("updateCustomTemplate", () => {
  it("edits an unassigned exercise in place, keeping its version and syncing the title", async () => {
    const { scope } = await createTherapist();
    const saved = await createCustomTemplate(scope, templateInput());
    const before = await db.templateVersion.findFirstOrThrow({ where: { templateId: saved.templateId } });

    const result = await updateCustomTemplate(
      scope,
      saved.templateId,
      templateInput({
        title: "Evening reflection, shorter",
        kind: "tracker",
        fields: [{ type: "yes_partly_no", key: "kept_promise", label: "Did you keep today's promise?" }],
      }),
    );

    expect(result).toEqual({ templateId: saved.templateId, version: 1, newVersion: false });
    const versions = await versionsOf(saved.templateId);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.id).toBe(before.id);
    expect(versions[0]!.title).toBe("Evening reflection, shorter");
    expect(versions[0]!.fields).toEqual([
      { type: "yes_partly_no", key: "kept_promise", label: "Did you keep today's promise?", required: true },
    ]);
    const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { id: saved.templateId } });
    expect(template).toMatchObject({ title: "Evening reflection, shorter", kind: "tracker" });
    const updatedRow = await db.templateVersion.findUniqueOrThrow({ where: { id: before.id } });
    expect(updatedRow.contentHash).not.toBe(before.contentHash);
  });

  it("creates version 2 once version 1 is assigned; the assignment keeps version 1 and its questions", async () => {
    const { scope } = await createTherapist();
    const original = templateInput();
    const saved = await createCustomTemplate(scope, original);
    const [v1] = await versionsOf(saved.templateId);
    const assignment = await assignVersion(scope, saved.templateId, v1!.id);
    expect(await isLatestVersionAssigned(scope, saved.templateId)).toBe(true);

    const edited = templateInput({
      title: "Evening reflection (v2)",
      fields: [{ type: "short_text", key: "one_word", label: "Today in one word" }],
    });
    const result = await updateCustomTemplate(scope, saved.templateId, edited);

    expect(result).toEqual({ templateId: saved.templateId, version: 2, newVersion: true });
    const versions = await versionsOf(saved.templateId);
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    const stillAssigned = await db.assignment.findUniqueOrThrow({
      where: { id: assignment.id },
      include: { templateVersion: { select: versionSelect } },
    });
    expect(stillAssigned.templateVersionId).toBe(v1!.id);
    const oldQuestions = toExerciseVersion(stillAssigned.templateVersion, "journal").fields;
    expect(oldQuestions.map((field) => field.key)).toEqual(["what_stood_out", "closeness"]);
    expect(stillAssigned.templateVersion.title).toBe(original.title);

    const current = await getTemplate(scope, saved.templateId);
    expect(current.current.version).toBe(2);
    expect(current.current.fields.map((field) => field.key)).toEqual(["one_word"]);
    expect(await isLatestVersionAssigned(scope, saved.templateId)).toBe(false);

    // Version 2 is not assigned yet, so the next edit changes it in place.
    const again = await updateCustomTemplate(scope, saved.templateId, { ...edited, title: "Evening reflection (v2, tidied)" });
    expect(again).toEqual({ templateId: saved.templateId, version: 2, newVersion: false });
    expect(await db.templateVersion.count({ where: { templateId: saved.templateId } })).toBe(2);
  });

  it("does not add a version when an assigned exercise is saved unchanged", async () => {
    const { scope } = await createTherapist();
    const input = templateInput();
    const saved = await createCustomTemplate(scope, input);
    const [v1] = await versionsOf(saved.templateId);
    await assignVersion(scope, saved.templateId, v1!.id);

    const result = await updateCustomTemplate(scope, saved.templateId, input);

    expect(result).toEqual({ templateId: saved.templateId, version: 1, newVersion: false });
    expect(await db.templateVersion.count({ where: { templateId: saved.templateId } })).toBe(1);
  });

  it("refuses to edit a built-in", async () => {
    const { scope } = await createTherapist();
    const builtIn = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "trigger-log" } });

    const error = await rejection(updateCustomTemplate(scope, builtIn.id, templateInput()));

    expect(error.kind).toBe("not_found");
    expect((await rejection(archiveTemplate(scope, builtIn.id))).kind).toBe("not_found");
  });
});

describe("validation", () => {
  it("asks for at least one question", async () => {
    const { scope } = await createTherapist();

    const error = await rejection(createCustomTemplate(scope, templateInput({ fields: [] })));

    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors).toEqual({ fields: [NO_QUESTIONS] });
    expect(NO_QUESTIONS).toBe("Add at least one question.");
  });

  it("rejects a script whose blanks do not match the gaps in its sentence", async () => {
    const { scope } = await createTherapist();
    const input = templateInput({
      fields: [
        {
          type: "script",
          key: "request",
          label: "Build your request",
          template: "I feel {emotion} when {situation}.",
          blanks: [
            { key: "emotion", label: "The feeling" },
            { key: "reason", label: "Why" },
          ],
        },
      ],
    });

    const error = await rejection(createCustomTemplate(scope, input));

    expect(error.fieldErrors["fields.0.blanks"]).toEqual(["The gap {situation} needs exactly one blank (found 0)"]);
    expect(error.fieldErrors["fields.0.blanks.1.key"]).toEqual([`The blank "reason" has no {reason} in the sentence`]);
  });

  it("rejects two questions with the same key, pointing at the second", async () => {
    const { scope } = await createTherapist();
    const saved = await createCustomTemplate(scope, templateInput());
    const input = templateInput({
      fields: [
        { type: "short_text", key: "feeling", label: "How do you feel?" },
        { type: "long_text", key: "feeling", label: "Tell me more about the feeling" },
      ],
    });

    const error = await rejection(updateCustomTemplate(scope, saved.templateId, input));

    expect(error.fieldErrors).toEqual({ "fields.1.key": ['The key "feeling" is used by more than one question'] });
    expect((await getTemplate(scope, saved.templateId)).current.fields).toHaveLength(2);
  });

  it("words zod's generic messages kindly", async () => {
    const { scope } = await createTherapist();
    const input = templateInput({
      title: " ",
      estimatedMinutes: 0,
      fields: [
        {
          type: "single_choice",
          key: "mood",
          label: "How was today?",
          options: [
            { value: "good", label: "" },
            { value: "hard", label: "Hard" },
          ],
          safety: { whenAnswerIn: [] },
        },
      ],
    });

    const error = await rejection(createCustomTemplate(scope, input));

    expect(error.fieldErrors).toEqual({
      title: ["Give the exercise a title."],
      estimatedMinutes: ["Enter a number of minutes between 1 and 120."],
      "fields.0.options.0.label": ["Give each option a label."],
      "fields.0.safety.whenAnswerIn": ["Choose at least one answer that should alert you."],
    });
  });

  it("reads the builder's form: questions as JSON, minutes as text, the checkbox as on/absent", () => {
    const fields = templateInput().fields;
    const parsed = parseTemplateForm({
      title: "Trigger diary",
      purpose: "Notice what sets the worry off.",
      kind: "log",
      instructions: "",
      estimatedMinutes: "7",
      allowsMultiplePerDay: "on",
      fields: JSON.stringify(fields),
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ estimatedMinutes: 7, allowsMultiplePerDay: true, instructions: undefined });

    const empty = parseTemplateForm({ title: "x", purpose: "y", kind: "log", estimatedMinutes: "7", fields: "[]" });
    expect(empty.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["fields", NO_QUESTIONS]]);

    const garbled = parseTemplateForm({ title: "x", purpose: "y", kind: "log", estimatedMinutes: "7", fields: "{oops" });
    expect(garbled.error?.issues[0]?.path).toEqual(["fields"]);
  });
});

describe("duplicateTemplate", () => {
  it("copies a built-in's newest version into a new practice exercise that remembers its source", async () => {
    const { scope } = await createTherapist();
    const source = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "i-statement-builder" } });
    const sourceDetail = await getTemplate(scope, source.id);

    const copy = await duplicateTemplate(scope, source.id);

    const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { id: copy.templateId } });
    expect(template).toMatchObject({
      practiceId: scope.practiceId,
      createdById: scope.therapistId,
      basedOnId: source.id,
      slug: null,
      kind: "script",
      title: "Copy of I-statement builder",
    });
    const detail = await getTemplate(scope, copy.templateId);
    expect(detail.builtIn).toBe(false);
    expect(detail.current.version).toBe(1);
    expect(detail.current.fields).toEqual(sourceDetail.current.fields);
    expect(detail.current.purpose).toBe(sourceDetail.current.purpose);

    // The copy is the practice's to edit; the built-in stays as it was.
    await updateCustomTemplate(scope, copy.templateId, {
      ...templateInput({ kind: "script" }),
      title: "Our I-statement",
      fields: detail.current.fields.slice(0, 1),
    });
    expect((await getTemplate(scope, source.id)).current.fields).toEqual(sourceDetail.current.fields);
  });

  it("keeps a measure's attribution on the copy", async () => {
    const { scope } = await createTherapist();
    const phq9 = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "phq-9" } });

    const copy = await duplicateTemplate(scope, phq9.id);
    await updateCustomTemplate(scope, copy.templateId, {
      ...templateInput({ kind: "measure" }),
      fields: (await getTemplate(scope, copy.templateId)).current.fields,
    });

    const detail = await getTemplate(scope, copy.templateId);
    expect(detail.current.details.attribution).toBe((await getTemplate(scope, phq9.id)).current.details.attribution);
    expect(detail.current.details.attribution).toBeTruthy();
  });
});

describe("the builder's question model", () => {
  it("round-trips every built-in question unchanged, so saving a copy as is loses nothing", () => {
    for (const definition of [...builtInExercises, ...standardizedMeasures]) {
      const drafts = definition.fields.map((field, index) => draftFromField(field, `q${index}`));
      const payloads = JSON.parse(JSON.stringify(toFieldPayloads(drafts))) as unknown;
      expect(templateFieldsSchema.parse(payloads), definition.slug).toEqual(definition.fields);
    }
  });

  it("derives unique keys from labels, option values from option labels, and blanks from {gaps}", () => {
    const first = { ...emptyDraft("a", "short_text"), label: "What happened?" };
    const second = { ...emptyDraft("b", "short_text"), label: "What happened?" };
    const choice = emptyDraft("c", "single_choice");
    const options = choice.options.map((option, index) => ({ ...option, label: index === 0 ? "Yes, mostly" : "Not really" }));
    const safety = { ...choice, label: "Do you feel safe?", options, safety: true, unsafeOptions: [options[1]!.uid] };
    const script = { ...emptyDraft("d", "script"), label: "Your sentence", template: "I feel {feeling} when {situation}." };
    const withBlanks = { ...script, blanks: syncBlanks(script.template, []) };

    const payloads = JSON.parse(JSON.stringify(toFieldPayloads([first, second, safety, withBlanks]))) as unknown;
    const fields = templateFieldsSchema.parse(payloads);

    expect(fields.map((field) => field.key)).toEqual(["what_happened", "what_happened_2", "do_you_feel_safe", "your_sentence"]);
    expect(fields[2]).toMatchObject({
      options: [
        { value: "yes_mostly", label: "Yes, mostly" },
        { value: "not_really", label: "Not really" },
      ],
      safety: { whenAnswerIn: ["not_really"] },
    });
    expect(fields[3]).toMatchObject({ blanks: [{ key: "feeling", label: "Feeling" }, { key: "situation", label: "Situation" }] });
  });
});
