// Brings a database up to date: pending migrations, then the built-in
// exercise library. Used by npm start, npm run db:migrate and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { syncBuiltInTemplates } from "../../lib/templates/sync-built-ins";
import { applyMigrations } from "./schema-engine";

export async function prepareDatabase(url: string) {
  const applied = await applyMigrations(url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const library = await syncBuiltInTemplates(client);
    return { applied, library };
  } finally {
    await client.$disconnect();
  }
}
