import type { Prisma } from "@/lib/generated/prisma/client";

/** Who is looking at the library: a member of staff of a practice. */
export type TemplateViewer = { practiceId: string; therapistId: string };

/**
 * Templates a viewer may see and assign: the built-ins, the practice library
 * (shared exercises) and their own drafts. A colleague's draft is not found.
 * Given only a practice id (reading history, e.g. an export of what a client
 * was assigned), every exercise of the practice, drafts included.
 */
export function visibleTemplates(viewer: TemplateViewer | string): Prisma.ExerciseTemplateWhereInput {
  const builtIn = { practiceId: null, slug: { not: null } };
  if (typeof viewer === "string") return { OR: [builtIn, { practiceId: viewer }] };
  return { OR: [builtIn, { practiceId: viewer.practiceId, ...editableBy(viewer) }] };
}

/** The practice's own exercises a viewer may see and edit: shared ones, and their own drafts. */
export function editableBy(viewer: TemplateViewer): Prisma.ExerciseTemplateWhereInput {
  return { practiceId: viewer.practiceId, OR: [{ sharedWithPractice: true }, { createdById: viewer.therapistId }] };
}
