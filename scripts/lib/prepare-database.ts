// Brings a database up to date: pending migrations (as the role that owns the
// tables), the app role's grants, then the built-in exercise library. Used by
// npm start, npm run db:migrate and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { syncBuiltInTemplates } from "../../lib/templates/sync-built-ins";
import { checkAppRole, grantAppPrivileges, roleOf } from "./database-roles";
import { applyMigrations } from "./schema-engine";

export async function prepareDatabase(urls: { migrationUrl: string; appUrl: string }) {
  const applied = await applyMigrations(urls.migrationUrl);
  // With one URL the app is the owner: nothing to grant (see checkAppRole's warning).
  if (roleOf(urls.appUrl) !== roleOf(urls.migrationUrl)) {
    const owner = new pg.Client({ connectionString: urls.migrationUrl });
    await owner.connect();
    try {
      await grantAppPrivileges(owner, roleOf(urls.appUrl));
    } finally {
      await owner.end();
    }
  }
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: urls.migrationUrl }) });
  try {
    const library = await syncBuiltInTemplates(client);
    return { applied, library, warnings: await checkAppRole(urls.appUrl) };
  } finally {
    await client.$disconnect();
  }
}
