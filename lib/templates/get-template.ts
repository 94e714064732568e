import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toExerciseVersion, versionSelect, type ExerciseVersion } from "./definition";
import { visibleTemplates, type TemplateViewer } from "./scope";

export type TemplateDetail = {
  id: string;
  builtIn: boolean;
  slug: string | null;
  current: ExerciseVersion;
  assignmentCount: number;
  /** In the practice library (false: the caller's own draft; always true for built-ins). */
  sharedWithPractice: boolean;
  /** Whether the caller wrote it (only the author shares a draft or takes it back). */
  ownedByCaller: boolean;
  /** Assignments of it by colleagues: a shared exercise a colleague has assigned stays shared. */
  assignedByOthers: number;
  /** When the practice archived its own exercise; null while it is in the library (always for built-ins). */
  archivedAt: Date | null;
};

/** A template the caller may see (built-in, in the practice library, or their own draft), with its newest version. */
export function getTemplate(scope: TemplateViewer, templateId: string): Promise<TemplateDetail> {
  return getTemplateCached(scope.practiceId, scope.therapistId, templateId);
}

// Cached per request on primitive arguments: the segment's layout looks the
// template up (a missing one answers 404 before streaming), the page reuses it.
const getTemplateCached = cache(async (practiceId: string, therapistId: string, templateId: string): Promise<TemplateDetail> => {
  const template = await db.exerciseTemplate.findFirst({
    where: { AND: [{ id: templateId }, visibleTemplates({ practiceId, therapistId })] },
    select: {
      id: true,
      slug: true,
      kind: true,
      practiceId: true,
      archivedAt: true,
      sharedWithPractice: true,
      createdById: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: versionSelect },
      // Only this practice's assignments count; another practice's use of a built-in is none of its business.
      _count: { select: { assignments: { where: { practiceId } } } },
      assignments: { where: { practiceId, therapistId: { not: therapistId } }, select: { id: true }, take: 1 },
    },
  });
  const latest = template?.versions[0];
  if (!template || !latest) throw notFound();
  return {
    id: template.id,
    builtIn: template.practiceId === null,
    slug: template.slug,
    current: toExerciseVersion(latest, template.kind),
    assignmentCount: template._count.assignments,
    sharedWithPractice: template.practiceId === null || template.sharedWithPractice,
    ownedByCaller: template.practiceId !== null && template.createdById === therapistId,
    assignedByOthers: template.assignments.length,
    archivedAt: template.archivedAt,
  };
});
