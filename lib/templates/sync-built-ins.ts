// Keeps the database's built-in templates in step with lib/exercises. A
// changed definition becomes a new version, so homework already assigned
// keeps the questions it was answered with. Idempotent; run after migrating.
import { builtInExercises, standardizedMeasures } from "@/lib/exercises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { versionData } from "./definition";

type Client = Pick<PrismaClient, "exerciseTemplate" | "templateVersion" | "$transaction">;

export async function syncBuiltInTemplates(db: Client): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const definitions = [...builtInExercises, ...standardizedMeasures];
  // One read for all of them: this runs on every start.
  const stored = await db.exerciseTemplate.findMany({
    where: { slug: { in: definitions.map((definition) => definition.slug) } },
    select: { id: true, slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, contentHash: true } } },
  });
  const bySlug = new Map(stored.map((template) => [template.slug, template]));
  for (const definition of definitions) {
    const data = versionData(definition);
    const existing = bySlug.get(definition.slug);
    if (!existing) {
      await db.exerciseTemplate.create({
        data: {
          slug: definition.slug,
          kind: definition.kind,
          title: definition.title,
          versions: { create: { version: 1, ...data } },
        },
      });
      created++;
      continue;
    }
    const latest = existing.versions[0];
    if (latest?.contentHash === data.contentHash) continue;
    await db.$transaction([
      db.templateVersion.create({ data: { templateId: existing.id, version: (latest?.version ?? 0) + 1, ...data } }),
      db.exerciseTemplate.update({ where: { id: existing.id }, data: { title: definition.title, kind: definition.kind } }),
    ]);
    updated++;
  }
  return { created, updated };
}
