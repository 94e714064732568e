import "server-only";
import { db } from "@/lib/db";
import { visibleTemplates, type TemplateViewer } from "@/lib/templates/scope";

/** What the assign form's picker shows of an exercise: enough to know what the client will get. */
export type AssignableExercise = {
  id: string;
  slug: string | null;
  title: string;
  builtIn: boolean;
  purpose: string;
  estimatedMinutes: number;
  /** The newest version's question labels, in order. */
  questions: string[];
};

/** The exercises a clinician may assign (the library as listTemplates orders it), with their questions for the preview. */
export async function listAssignableExercises(viewer: TemplateViewer): Promise<AssignableExercise[]> {
  const templates = await db.exerciseTemplate.findMany({
    where: { AND: [visibleTemplates(viewer), { archivedAt: null }] },
    orderBy: [{ practiceId: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      practiceId: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { purpose: true, estimatedMinutes: true, fields: true } },
    },
  });
  return templates.flatMap((template) => {
    const latest = template.versions[0];
    if (!latest || !Array.isArray(latest.fields) || latest.fields.length === 0) return [];
    return [
      {
        id: template.id,
        slug: template.slug,
        title: template.title,
        builtIn: template.practiceId === null,
        purpose: latest.purpose,
        estimatedMinutes: latest.estimatedMinutes,
        questions: latest.fields.flatMap((field) => {
          const label = field && typeof field === "object" && "label" in field ? (field as { label?: unknown }).label : undefined;
          return typeof label === "string" && label.trim() ? [label.trim()] : [];
        }),
      },
    ];
  });
}
