import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { assertNoUndefinedFilters } from "@/lib/db-guard";
import { poolConfig } from "@/lib/db-pool-config";

function createClient() {
  const adapter = new PrismaPg(poolConfig(getEnv()));
  return new PrismaClient({ adapter }).$extends({
    query: {
      $allModels: {
        // A missing id must never turn into "no filter": Prisma treats
        // `where: { therapistId: undefined }` as matching every row.
        async $allOperations({ model, operation, args, query }) {
          assertNoUndefinedFilters(model, operation, args);
          return query(args);
        },
      },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { trellisDb?: Db };
export const db: Db = globalForDb.trellisDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.trellisDb = db;
