import "server-only";
import { db } from "@/lib/db";
import type { ExerciseKind } from "@/lib/exercises";
import { visibleTemplates, type TemplateViewer } from "./scope";

export type TemplateListItem = {
  id: string;
  slug: string | null;
  title: string;
  kind: ExerciseKind;
  builtIn: boolean;
  /** The caller's own draft, not yet in the practice library. */
  draft: boolean;
  purpose: string;
  estimatedMinutes: number;
  fieldCount: number;
  version: number;
};

/** The library for a clinician: built-ins, the practice library and their own drafts, with search and a kind filter. */
export async function listTemplates(
  scope: TemplateViewer,
  filter: { query?: string; kind?: ExerciseKind } = {},
): Promise<TemplateListItem[]> {
  const query = filter.query?.trim();
  const templates = await db.exerciseTemplate.findMany({
    where: {
      AND: [
        visibleTemplates(scope),
        { archivedAt: null },
        filter.kind ? { kind: filter.kind } : {},
        query ? { title: { contains: query, mode: "insensitive" } } : {},
      ],
    },
    orderBy: [{ practiceId: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      practiceId: true,
      sharedWithPractice: true,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, purpose: true, estimatedMinutes: true, fields: true },
      },
    },
  });
  return templates.flatMap((template) => {
    const latest = template.versions[0];
    if (!latest) return [];
    return [
      {
        id: template.id,
        slug: template.slug,
        title: template.title,
        kind: template.kind,
        builtIn: template.practiceId === null,
        draft: template.practiceId !== null && !template.sharedWithPractice,
        purpose: latest.purpose,
        estimatedMinutes: latest.estimatedMinutes,
        fieldCount: Array.isArray(latest.fields) ? latest.fields.length : 0,
        version: latest.version,
      },
    ];
  });
}
