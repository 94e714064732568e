import type { Prisma } from "@/lib/generated/prisma/client";

/** Templates a practice may see and assign: the built-ins and its own. */
export function visibleTemplates(practiceId: string): Prisma.ExerciseTemplateWhereInput {
  return { OR: [{ practiceId: null, slug: { not: null } }, { practiceId }] };
}
