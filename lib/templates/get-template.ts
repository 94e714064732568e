import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toExerciseVersion, versionSelect, type ExerciseVersion } from "./definition";
import { visibleTemplates } from "./scope";

export type TemplateDetail = {
  id: string;
  builtIn: boolean;
  slug: string | null;
  current: ExerciseVersion;
  assignmentCount: number;
  /** When the practice archived its own exercise; null while it is in the library (always for built-ins). */
  archivedAt: Date | null;
};

/** A template the practice may see, with its newest version. */
export function getTemplate(scope: { practiceId: string }, templateId: string): Promise<TemplateDetail> {
  return getTemplateCached(scope.practiceId, templateId);
}

// Cached per request on primitive arguments: the segment's layout looks the
// template up (a missing one answers 404 before streaming), the page reuses it.
const getTemplateCached = cache(async (practiceId: string, templateId: string): Promise<TemplateDetail> => {
  const template = await db.exerciseTemplate.findFirst({
    where: { AND: [{ id: templateId }, visibleTemplates(practiceId)] },
    select: {
      id: true,
      slug: true,
      kind: true,
      practiceId: true,
      archivedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: versionSelect },
      // Only this practice's assignments count; another practice's use of a built-in is none of its business.
      _count: { select: { assignments: { where: { practiceId } } } },
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
    archivedAt: template.archivedAt,
  };
});
