import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { db } from "@/lib/db";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { getTemplate } from "@/lib/templates/get-template";
import { listTemplates } from "@/lib/templates/list-templates";
import { createCustomTemplate, isLatestVersionAssigned, updateCustomTemplate } from "@/lib/templates/save-template";
import { ASSIGNED_BY_COLLEAGUES, setTemplateSharing } from "@/lib/templates/share-template";
import { syncBuiltInTemplates } from "@/lib/templates/sync-built-ins";
import { assignSchema } from "@/lib/validations/assignments";
import type { TemplateInput } from "@/lib/validations/templates";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { addColleague, ownerOf } from "@/tests/support/practice-fixtures";

beforeAll(async () => {
  await syncBuiltInTemplates(db as unknown as Parameters<typeof syncBuiltInTemplates>[0]);
});

const input = (title = `Shared reflection ${randomUUID()}`): TemplateInput => ({
  title,
  purpose: "A few quiet minutes to notice what helped today.",
  kind: "journal",
  estimatedMinutes: 5,
  allowsMultiplePerDay: false,
  fields: [{ type: "long_text", key: "what_helped", label: "What helped today?", privateAllowed: true }],
});

async function practice() {
  const owner = await createTherapist();
  const author = await addColleague(ownerOf(owner.scope));
  const colleague = await addColleague(ownerOf(owner.scope));
  return { owner, author, colleague };
}

const ids = async (scope: Parameters<typeof listTemplates>[0]) => (await listTemplates(scope)).map((template) => template.id);

const assignTo = async (scope: Parameters<typeof createAssignments>[0], templateId: string) => {
  const client = await createClientIn(scope, "Europe/London");
  const today = new Date().toISOString().slice(0, 10);
  return createAssignments(scope, assignSchema.parse({ templateId, clientIds: [client.clientId], scheduleType: "DAILY", startDate: today }), new Date());
};

describe("the practice library and each clinician's drafts", () => {
  it("a new exercise is the author's draft: a colleague (even the owner) does not find it to read, edit, copy, archive or assign", async () => {
    const { owner, author, colleague } = await practice();
    const draft = await createCustomTemplate(author.scope, input());

    const listed = (await listTemplates(author.scope)).find((template) => template.id === draft.templateId);
    expect(listed).toMatchObject({ draft: true, builtIn: false });
    expect(await getTemplate(author.scope, draft.templateId)).toMatchObject({ sharedWithPractice: false, ownedByCaller: true });
    for (const other of [colleague.scope, owner.scope]) {
      expect(await ids(other)).not.toContain(draft.templateId);
      expect((await rejection(getTemplate(other, draft.templateId))).kind).toBe("not_found");
      expect((await rejection(updateCustomTemplate(other, draft.templateId, input()))).kind).toBe("not_found");
      expect((await rejection(duplicateTemplate(other, draft.templateId))).kind).toBe("not_found");
      expect((await rejection(archiveTemplate(other, draft.templateId))).kind).toBe("not_found");
      expect((await rejection(isLatestVersionAssigned(other, draft.templateId))).kind).toBe("not_found");
      // Assigning answers as for an id that does not exist.
      expect((await rejection(assignTo(other, draft.templateId))).message).toBe("Choose an exercise from your library.");
      expect((await rejection(setTemplateSharing(other, draft.templateId, true))).kind).toBe("not_found");
    }
    expect((await db.exerciseTemplate.findUniqueOrThrow({ where: { id: draft.templateId } })).archivedAt).toBeNull();
    expect(await db.assignment.count({ where: { templateId: draft.templateId } })).toBe(0);
  });

  it("shared with the practice, every clinician sees and assigns it; the author takes it back only while no colleague has assigned it", async () => {
    const { owner, author, colleague } = await practice();
    const { templateId } = await createCustomTemplate(author.scope, input());

    expect(await setTemplateSharing(author.scope, templateId, true)).toEqual({ changed: true });
    expect(await ids(colleague.scope)).toContain(templateId);
    expect(await ids(owner.scope)).toContain(templateId);
    expect((await getTemplate(colleague.scope, templateId)).ownedByCaller).toBe(false);

    expect(await setTemplateSharing(author.scope, templateId, false)).toEqual({ changed: true });
    expect(await ids(colleague.scope)).not.toContain(templateId);
    await setTemplateSharing(author.scope, templateId, true);

    await assignTo(colleague.scope, templateId);
    const error = await rejection(setTemplateSharing(author.scope, templateId, false));
    expect(error.message).toBe(ASSIGNED_BY_COLLEAGUES);
    expect((await db.exerciseTemplate.findUniqueOrThrow({ where: { id: templateId } })).sharedWithPractice).toBe(true);
    expect(await db.auditEvent.count({ where: { subjectId: templateId, action: { in: ["template.shared", "template.unshared"] } } })).toBe(3);
  });

  it("a colleague cannot share someone else's draft or take a shared exercise back", async () => {
    const { author, colleague } = await practice();
    const { templateId } = await createCustomTemplate(author.scope, input());
    await setTemplateSharing(author.scope, templateId, true);
    expect((await rejection(setTemplateSharing(colleague.scope, templateId, false))).kind).toBe("not_found");
    expect((await db.exerciseTemplate.findUniqueOrThrow({ where: { id: templateId } })).sharedWithPractice).toBe(true);
  });

  it("a copy starts as the copier's draft; built-ins stay read-only and visible to all", async () => {
    const { author, colleague } = await practice();
    const builtIn = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "trigger-log" }, select: { id: true } });
    const copy = await duplicateTemplate(author.scope, builtIn.id);
    expect((await db.exerciseTemplate.findUniqueOrThrow({ where: { id: copy.templateId } })).sharedWithPractice).toBe(false);
    expect(await ids(colleague.scope)).not.toContain(copy.templateId);
    expect(await ids(colleague.scope)).toContain(builtIn.id);
    expect((await rejection(updateCustomTemplate(author.scope, builtIn.id, input()))).kind).toBe("not_found");
    expect((await rejection(setTemplateSharing(author.scope, builtIn.id, false))).kind).toBe("not_found");
  });

  it("existing exercises (before drafts existed) are in the practice library: the column defaults to shared", async () => {
    const column = await db.$queryRaw<{ column_default: string }[]>`
      SELECT column_default FROM information_schema.columns WHERE table_name = 'ExerciseTemplate' AND column_name = 'sharedWithPractice'`;
    expect(column[0]?.column_default).toBe("true");
  });
});
