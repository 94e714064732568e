// The committed migrations are complete, and applying them is repeatable.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffDatamodels, listMigrationDirectories, MIGRATIONS_DIR } from "@/scripts/lib/schema-engine";
import { SCHEMA_PATH, SNAPSHOT_PATH } from "@/scripts/lib/schema-files";

const databaseUrl = () => process.env.DATABASE_URL!;
// Migrations run as the role that owns the tables; a scratch database needs
// the superuser (the app's role, DATABASE_URL, may do neither).
const ownerUrl = () => process.env.TRELLIS_TEST_OWNER_URL!;
const superuserUrl = () => process.env.TRELLIS_TEST_SUPERUSER_URL!;
const isEmptyMigration = (sql: string) => sql.trim() === "" || /^-- This is an empty migration\.?$/.test(sql.trim());

describe("migrations", () => {
  it("every migration directory holds a migration.sql, and the list is in timestamp order", () => {
    const directories = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());

    expect(directories.length).toBeGreaterThan(0);
    for (const directory of directories) {
      expect(existsSync(path.join(MIGRATIONS_DIR, directory.name, "migration.sql")), directory.name).toBe(true);
      expect(directory.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    }
    expect(listMigrationDirectories()).toEqual(directories.map((directory) => directory.name).sort());
  });

  it("the committed snapshot matches prisma/schema.prisma (no schema change without a migration)", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const snapshot = readFileSync(SNAPSHOT_PATH, "utf8");

    const sql = await diffDatamodels(databaseUrl(), snapshot, schema);

    expect(isEmptyMigration(sql), `schema.prisma differs from the last migration:\n${sql}`).toBe(true);
  });

  it("the diff does notice a change, so the check above can fail", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const changed = schema.replace(/model Practice \{/, "model Practice {\n  probe String?");

    const sql = await diffDatamodels(databaseUrl(), schema, changed);

    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "Practice" ADD COLUMN\s+"probe"/);
  });

  it("applying them to the already-migrated test database does nothing", async () => {
    expect(await applyMigrations(ownerUrl())).toEqual([]);
  }, 60_000);
});

describe("migrations on a fresh database", () => {
  const name = `trellis_migrations_${randomUUID().replace(/-/g, "")}`;
  let freshUrl: string;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: superuserUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(superuserUrl());
    url.pathname = `/${name}`;
    freshUrl = url.toString();
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("applies every migration once, then nothing on a second run", async () => {
    expect(await applyMigrations(freshUrl)).toEqual(listMigrationDirectories());
    expect(await applyMigrations(freshUrl)).toEqual([]);

    const client = new pg.Client({ connectionString: freshUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(listMigrationDirectories());
      const constraints = await client.query<{ conname: string }>(
        `SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%email_lowercase' ORDER BY conname`,
      );
      expect(constraints.rows.map((row) => row.conname)).toEqual(["Client_email_lowercase", "User_email_lowercase"]);
    } finally {
      await client.end();
    }
  }, 120_000);
});
