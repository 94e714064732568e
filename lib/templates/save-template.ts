import "server-only";
import { db, type Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { TherapistScope } from "@/lib/clients/scope";
import { parseTemplate, templateFieldErrors, type TemplateData, type TemplateInput } from "@/lib/validations/templates";
import { versionData, versionDetailsSchema, type VersionDetails } from "./definition";
import { editableBy } from "./scope";

export type SavedTemplate = { templateId: string; version: number; newVersion: boolean };

const CHECK_FIELDS = "Please check the highlighted fields.";
const SAVED_TWICE = "Someone else saved this exercise at the same moment. Please reload the page and try again.";

function checked(input: TemplateInput): TemplateData {
  const parsed = parseTemplate(input);
  if (!parsed.success) throw invalid(CHECK_FIELDS, templateFieldErrors(parsed.error));
  return parsed.data;
}

function rowData(data: TemplateData, details: VersionDetails = {}) {
  return versionData({ ...details, ...data });
}

/** A new exercise of the caller's practice, starting at version 1 as the caller's own draft (not yet shared). */
export async function createCustomTemplate(scope: TherapistScope, input: TemplateInput): Promise<SavedTemplate> {
  const data = checked(input);
  const { address } = await actionEventContext();
  const template = await db.$transaction(async (tx) => {
    const created = await tx.exerciseTemplate.create({
      data: {
        practiceId: scope.practiceId,
        createdById: scope.therapistId,
        sharedWithPractice: false,
        kind: data.kind,
        title: data.title,
        versions: { create: { version: 1, ...rowData(data) } },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "template.created",
      subjectType: "ExerciseTemplate",
      subjectId: created.id,
      address,
    });
    return created;
  });
  return { templateId: template.id, version: 1, newVersion: true };
}

/**
 * Locks the practice's own, non-archived template and its newest version: one
 * in the practice library or the caller's own draft (a colleague's draft is
 * not found).
 * Locking the version row FOR UPDATE also waits for any assignment being
 * created against it right now (its foreign key holds a KEY SHARE lock), so
 * the "is it assigned?" answer below cannot go stale before we write.
 */
async function lockLatestVersion(tx: Tx, scope: TherapistScope, templateId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ExerciseTemplate"
    WHERE "id" = ${templateId} AND "practiceId" = ${scope.practiceId} AND "archivedAt" IS NULL
      AND ("sharedWithPractice" OR "createdById" = ${scope.therapistId})
    FOR UPDATE`;
  if (locked.length !== 1) throw notFound();
  const latest = await tx.templateVersion.findFirst({
    where: { templateId, template: { practiceId: scope.practiceId } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, details: true, contentHash: true },
  });
  if (!latest) throw notFound();
  await tx.$queryRaw`SELECT "id" FROM "TemplateVersion" WHERE "id" = ${latest.id} FOR UPDATE`;
  return latest;
}

async function isVersionAssigned(tx: Tx, templateVersionId: string): Promise<boolean> {
  return (await tx.assignment.count({ where: { templateVersionId } })) > 0;
}

/**
 * Saves an edit to one of the practice's own exercises. Built-ins are
 * read-only (duplicate them instead). Homework already given keeps the
 * questions it was given: once the newest version is assigned, an edit
 * becomes a new version; until then the newest version is edited in place.
 */
export async function updateCustomTemplate(
  scope: TherapistScope,
  templateId: string,
  input: TemplateInput,
): Promise<SavedTemplate> {
  const data = checked(input);
  const { address } = await actionEventContext();
  try {
    return await db.$transaction(async (tx) => {
      const latest = await lockLatestVersion(tx, scope, templateId);
      const edited = (saved: SavedTemplate) =>
        recordEvent(tx, {
          practiceId: scope.practiceId,
          actorId: scope.therapistId,
          action: "template.edited",
          subjectType: "ExerciseTemplate",
          subjectId: templateId,
          address,
          metadata: { version: String(saved.version), newVersion: String(saved.newVersion) },
        }).then(() => saved);
      const row = rowData(data, versionDetailsSchema.parse(latest.details ?? {}));
      await tx.exerciseTemplate.update({
        where: { id: templateId, practiceId: scope.practiceId },
        data: { title: data.title, kind: data.kind },
      });

      if (!(await isVersionAssigned(tx, latest.id))) {
        await tx.templateVersion.update({ where: { id: latest.id }, data: row });
        return edited({ templateId, version: latest.version, newVersion: false });
      }
      if (latest.contentHash === row.contentHash) return edited({ templateId, version: latest.version, newVersion: false });
      const version = latest.version + 1;
      await tx.templateVersion.create({ data: { templateId, version, ...row } });
      return edited({ templateId, version, newVersion: true });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(SAVED_TWICE);
    throw error;
  }
}

/** Whether saving an edit now would create a new version (the edit page says so up front). */
export async function isLatestVersionAssigned(scope: TherapistScope, templateId: string): Promise<boolean> {
  const latest = await db.templateVersion.findFirst({
    where: { templateId, template: editableBy(scope) },
    orderBy: { version: "desc" },
    select: { _count: { select: { assignments: true } } },
  });
  if (!latest) throw notFound();
  return latest._count.assignments > 0;
}
