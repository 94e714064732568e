// npm run db:backup / db:restore (issue 9): a database seeded through the
// app's own functions is backed up and restored into a fresh database; every
// table comes back with the same rows (count and checksum), the caseload
// summaries the triggers keep are the backup's (not counted twice), the
// triggers and the app role's grants work again afterwards, and a database
// that holds data, a damaged file or a cut-off file is refused with a reason.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { saveDraft } from "@/lib/homework/save-draft";
import { submitEntry } from "@/lib/homework/submit-entry";
import { giveFeedback } from "@/lib/review/give-feedback";
import { createAuthSession } from "@/lib/sessions/create-session";
import { createBackup } from "@/scripts/lib/backup/create-backup";
import { BackupFileError, RestoreRefused } from "@/scripts/lib/backup/manifest";
import { verifyBackup } from "@/scripts/lib/backup/read-backup";
import { restoreBackup } from "@/scripts/lib/backup/restore-backup";
import { prepareSession, tableDigests, type Digest } from "@/scripts/lib/backup/tables";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, checkInAnswers, createClientIn, microPromiseAnswers } from "@/tests/support/homework-fixtures";

const run = promisify(execFile);
const ownerUrl = () => process.env.TRELLIS_TEST_OWNER_URL!;
const superuserUrl = () => process.env.TRELLIS_TEST_SUPERUSER_URL!;
const ZONE = "Europe/London";
const DAYS = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-12", "2026-01-13"];

const work = mkdtempSync(path.join(os.tmpdir(), "trellis-backup-test-"));
const scratch: string[] = [];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database owned by the owner role; its URL for the owner and for the app role. */
async function emptyDatabase() {
  const name = `trellis_restore_${randomUUID().replace(/-/g, "")}`;
  await withClient(superuserUrl(), (client) => client.query(`CREATE DATABASE "${name}" OWNER trellis_owner`));
  scratch.push(name);
  const at = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return { name, owner: at(ownerUrl()), app: at(process.env.DATABASE_URL!) };
}

const digestsOf = (url: string, exclude: string[] = []) =>
  withClient(url, async (client) => {
    await prepareSession(client);
    return tableDigests(client, { exclude });
  });

/** What the caseload dashboard reads, kept by triggers. */
const summariesOf = (url: string) =>
  withClient(url, async (client) => ({
    clients: (await client.query(`SELECT id, "lastSubmittedAt", "unreviewedCount", "caseloadVersion" FROM "Client" ORDER BY id`)).rows,
    assignments: (await client.query(`SELECT id, "recentSubmittedDates"::text AS dates FROM "Assignment" ORDER BY id`)).rows,
    weeks: (await client.query(`SELECT * FROM "MeasurementWeek" ORDER BY "clientId", metric, "weekStart"`)).rows,
  }));

const tableNames = (url: string) =>
  withClient(url, async (client) =>
    (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((row) => row.tablename),
  );

async function caught(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

let therapist: TherapistScope;
let seededClientIds: string[];
let file: string;
let restored: Awaited<ReturnType<typeof emptyDatabase>>;
let before: Map<string, Digest>;
const timings: Record<string, number> = {};

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  seededClientIds = [];
  for (const [index, zone] of [ZONE, "America/New_York"].entries()) {
    const client = await createClientIn(therapist, zone, `Backup Client ${index}`);
    seededClientIds.push(client.clientId);
    const start = instantOf(DAYS[0]!, "09:00", zone);
    const checkIn = await assignBuiltIn(therapist, "weekly-trust-check-in", client.clientId, { scheduleType: "DAILY", startDate: DAYS[0]! }, start);
    const promises = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: DAYS[0]! }, start);
    for (const [day, entryKey] of DAYS.entries()) {
      const at = instantOf(entryKey, "20:00", zone);
      await submitEntry(client.scope, { assignmentId: checkIn, entryKey, answers: checkInAnswers({ worry: day % 10 }), privateKeys: [], baseVersion: 0 }, at);
      await submitEntry(client.scope, { assignmentId: promises, entryKey, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, at);
    }
    // A draft (with a backslash and quotes, which COPY escapes) and a reviewed entry.
    await saveDraft(
      client.scope,
      { assignmentId: promises, entryKey: "2026-01-14", answers: { promise: "Call at six \\ again, 'quoted' \"too\" — ünïcode" }, privateKeys: [], baseVersion: 0 },
      instantOf("2026-01-14", "08:00", zone),
    );
    const first = await db.submission.findFirstOrThrow({ where: { clientId: client.clientId, status: "SUBMITTED" }, orderBy: { dueOn: "asc" } });
    await giveFeedback(therapist, { submissionId: first.id, body: "Thank you for this." }, instantOf("2026-01-14", "09:00", zone));
    await createAuthSession({ userId: client.userId, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0", address: "192.0.2.1" });
    await recordEvent(undefined, {
      practiceId: therapist.practiceId,
      actorId: therapist.therapistId,
      action: "client.viewed",
      subjectType: "Client",
      subjectId: client.clientId,
      clientId: client.clientId,
      address: "192.0.2.1",
    });
  }

  file = path.join(work, "trellis.tar.gz");
  let started = performance.now();
  await createBackup({ url: ownerUrl(), file, source: "DATABASE_URL", authSecret: process.env.AUTH_SECRET });
  timings.backupMs = performance.now() - started;
  before = await digestsOf(ownerUrl(), ["AuthSession"]);

  restored = await emptyDatabase();
  started = performance.now();
  await restoreBackup({ url: restored.owner, appUrl: restored.app, file });
  timings.restoreMs = performance.now() - started;
}, 180_000);

afterAll(async () => {
  if (!before) return;
  const rows = [...before.values()].reduce((sum, digest) => sum + digest.rows, 0);
  console.log(
    `[backup-restore] ${rows} rows in ${before.size + 1} tables: backup ${Math.round(timings.backupMs!)} ms, restore ${Math.round(timings.restoreMs!)} ms, file ${statSync(file).size} bytes`,
  );
  await withClient(superuserUrl(), async (client) => {
    for (const name of scratch) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  rmSync(work, { recursive: true, force: true });
});

describe("a backup", () => {
  it("is a mode-600 gzip'd tar whose manifest lists every table with its rows and checksum, and the migrations with their SQL", async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { manifest, files } = await verifyBackup(file);

    expect(manifest.tables.map((table) => table.name)).toEqual(expect.arrayContaining(["Client", "Submission", "Measurement", "MeasurementWeek", "AuditEvent", "_prisma_migrations"]));
    expect(manifest.tables.find((table) => table.name === "Submission")!.rows).toBeGreaterThanOrEqual(DAYS.length * 4);
    const names = readFileSync(path.resolve("prisma/migrations/migration_lock.toml"), "utf8");
    expect(files.get("migrations/migration_lock.toml")!.toString()).toBe(names);
    for (const migration of manifest.migrations) {
      // The engine's checksum is the SHA-256 of the SQL it applied.
      expect(migration.file?.sha256, migration.name).toBe(migration.checksum);
    }
    // Parents before children: a client's practice comes first.
    const order = manifest.tables.map((table) => table.name);
    expect(order.indexOf("Practice")).toBeLessThan(order.indexOf("Client"));
    expect(order.indexOf("Client")).toBeLessThan(order.indexOf("Submission"));
    // No secret in a DATABASE_URL backup, only a fingerprint of it.
    expect(manifest.secrets).toEqual([]);
    expect(manifest.authSecretFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(file).includes(Buffer.from(process.env.AUTH_SECRET!))).toBe(false);
  });
});

describe("restoring into a fresh database", () => {
  it("brings back every table with the same row count and checksum", async () => {
    const after = await digestsOf(restored.owner, ["AuthSession"]);

    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [table, digest] of before) expect(after.get(table), table).toEqual(digest);
    expect(before.get("AuditEvent")!.rows).toBeGreaterThan(0);
    expect(before.get("Measurement")!.rows).toBeGreaterThan(0);
  });

  it("keeps the caseload summaries exactly as they were (the triggers did not count the rows again)", async () => {
    const original = await summariesOf(ownerUrl());
    const copy = await summariesOf(restored.owner);

    expect(copy).toEqual(original);
    const seeded = copy.clients.filter((row) => seededClientIds.includes(row.id));
    expect(seeded.map((row) => row.unreviewedCount)).toEqual([DAYS.length * 2 - 1, DAYS.length * 2 - 1]);
    expect(seeded.every((row) => row.lastSubmittedAt !== null && row.caseloadVersion > 0)).toBe(true);
    expect(copy.weeks.length).toBeGreaterThan(0);
  });

  it("ends the sessions that were open at backup time, so none signed out since comes back", async () => {
    const sessions = (url: string) =>
      withClient(url, async (client) => (await client.query(`SELECT id, "userId", "expiresAt", "revokedAt" FROM "AuthSession" ORDER BY id`)).rows);
    const original = await sessions(ownerUrl());
    const copy = await sessions(restored.owner);

    expect(copy.map((row) => [row.id, row.userId, row.expiresAt])).toEqual(original.map((row) => [row.id, row.userId, row.expiresAt]));
    expect(original.some((row) => row.revokedAt === null)).toBe(true);
    expect(copy.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it("leaves the triggers and the app role's grants working", async () => {
    const clientId = seededClientIds[0]!;
    const unreviewed = (url: string) =>
      withClient(url, async (client) => (await client.query(`SELECT "unreviewedCount" FROM "Client" WHERE id = $1`, [clientId])).rows[0].unreviewedCount);
    const was = await unreviewed(restored.owner);

    await withClient(restored.app, async (client) => {
      await client.query(`UPDATE "Submission" SET "reviewedAt" = now() WHERE "clientId" = $1 AND status = 'SUBMITTED' AND "reviewedAt" IS NULL`, [clientId]);
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/permission denied/);
    });
    await withClient(restored.owner, async (client) => {
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only|not allowed|cannot/i);
    });

    expect(was).toBe(DAYS.length * 2 - 1);
    expect(await unreviewed(restored.owner)).toBe(0);
  });
});

describe("restore refuses", () => {
  it("a database that already holds data, and changes nothing in it", async () => {
    const target = await emptyDatabase();
    await restoreBackup({ url: target.owner, appUrl: target.app, file });
    const digests = await digestsOf(target.owner);

    const error = await caught(restoreBackup({ url: target.owner, appUrl: target.app, file }));

    expect(error).toBeInstanceOf(RestoreRefused);
    expect(error.message).toMatch(/already holds data \(\d+ rows in \d+ tables: \d+ Practice, \d+ User, \d+ Client, \d+ Submission\)/);
    expect(error.message).toMatch(/--force/);
    expect(await digestsOf(target.owner)).toEqual(digests);
  }, 120_000);

  it("with --force, replaces the data after backing up what was there", async () => {
    const target = await emptyDatabase();
    await restoreBackup({ url: target.owner, appUrl: target.app, file });
    await withClient(target.app, (client) => client.query(`UPDATE "Client" SET "displayName" = 'Changed after the backup'`));
    const safety = path.join(work, "safety.tar.gz");

    const result = await restoreBackup({ url: target.owner, appUrl: target.app, file, force: true, safetyBackup: { file: safety, source: "DATABASE_URL" } });

    expect(result.safetyBackup).toBe(safety);
    const saved = await verifyBackup(safety);
    expect(saved.manifest.tables.find((table) => table.name === "Client")!.rows).toBe(before.get("Client")!.rows);
    const names = await withClient(target.owner, async (client) => (await client.query(`SELECT DISTINCT "displayName" FROM "Client"`)).rows);
    expect(names).not.toContainEqual({ displayName: "Changed after the backup" });
    const after = await digestsOf(target.owner, ["AuthSession"]);
    for (const [table, digest] of before) expect(after.get(table), table).toEqual(digest);
  }, 120_000);

  it("a file cut short, saying so, before touching the database", async () => {
    const target = await emptyDatabase();
    const cut = path.join(work, "cut.tar.gz");
    writeFileSync(cut, readFileSync(file).subarray(0, Math.floor(statSync(file).size * 0.6)));

    const error = await caught(restoreBackup({ url: target.owner, appUrl: target.app, file: cut }));

    expect(error).toBeInstanceOf(BackupFileError);
    expect(error.message).toBe(`${cut} is cut short: it ends before the backup does (an interrupted copy or a full disk?). It cannot be restored; use another backup.`);
    expect(await tableNames(target.owner)).toEqual([]);
  });

  it("a damaged file (bytes changed in the middle), and a file that is not a backup", async () => {
    const target = await emptyDatabase();
    const damaged = path.join(work, "damaged.tar.gz");
    copyFileSync(file, damaged);
    const bytes = readFileSync(damaged);
    const middle = Math.floor(bytes.length / 2);
    for (let i = middle; i < middle + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const notBackup = path.join(work, "notes.txt");
    writeFileSync(notBackup, "shopping list\n");

    const damage = await caught(restoreBackup({ url: target.owner, appUrl: target.app, file: damaged }));
    const wrong = await caught(restoreBackup({ url: target.owner, appUrl: target.app, file: notBackup }));
    const missing = await caught(restoreBackup({ url: target.owner, appUrl: target.app, file: path.join(work, "nowhere.tar.gz") }));

    expect(damage).toBeInstanceOf(BackupFileError);
    expect(damage.message).toMatch(/is (damaged|cut short).*use another backup/);
    expect(wrong.message).toBe(`${notBackup} is not a Trellis backup (it is not a gzip'd archive).`);
    expect(missing.message).toMatch(/^There is no backup file at /);
    expect(await tableNames(target.owner)).toEqual([]);
  });
});

describe("npm run db:backup / db:restore with DATABASE_URL", () => {
  it("back up and restore through the commands, and a second restore is refused with a message, not a stack trace", async () => {
    const target = await emptyDatabase();
    const cliFile = path.join(work, "cli.tar.gz");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const source = { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, MIGRATION_DATABASE_URL: ownerUrl() };
    const into = { ...process.env, DATABASE_URL: target.app, MIGRATION_DATABASE_URL: target.owner };

    const backedUp = await run(tsx, ["scripts/db-backup.ts", cliFile], { env: source });
    const restoredCli = await run(tsx, ["scripts/db-restore.ts", cliFile], { env: into });
    const refused = await run(tsx, ["scripts/db-restore.ts", cliFile], { env: into }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

    expect(backedUp.stdout).toMatch(/^Backed up \d+ rows in \d+ tables .* to .*cli\.tar\.gz: [\d.]+ KiB in [\d.]+ s\./m);
    expect(backedUp.stdout).toMatch(/Keep AUTH_SECRET with it/);
    expect(restoredCli.stdout).toMatch(/Restored \d+ rows in \d+ tables .* every table matches the backup's row count and checksum\./);
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/^Restore failed: This database already holds data/);
    expect(refused?.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
