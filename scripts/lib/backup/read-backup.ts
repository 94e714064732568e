// Opens a backup file and checks it from end to end (gzip's own check, the
// archive's structure, the manifest, every entry's size and SHA-256) before
// anything touches a database, so a damaged or cut-off file is refused with a
// plain reason instead of half a restore.
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { BackupFileError, MANIFEST_ENTRY, manifestSchema, type Manifest } from "./manifest";
import { readTar, TruncatedArchive, type TarEntry } from "./tar";

export type VerifiedBackup = {
  manifest: Manifest;
  /** Small entries kept in memory: migration SQL, the lock file, secrets. */
  files: Map<string, Buffer>;
};

function explain(file: string, error: unknown): BackupFileError {
  if (error instanceof BackupFileError) return error;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ENOENT") return new BackupFileError(`There is no backup file at ${file}.`);
  if (code === "EACCES") return new BackupFileError(`${file} cannot be read by this account (it should be mode 600 and owned by you).`);
  if (error instanceof TruncatedArchive || code === "Z_BUF_ERROR") {
    return new BackupFileError(
      `${file} is cut short: it ends before the backup does (an interrupted copy or a full disk?). It cannot be restored; use another backup.`,
    );
  }
  if (code === "Z_DATA_ERROR" && /header check/.test(message)) {
    return new BackupFileError(`${file} is not a Trellis backup (it is not a gzip'd archive).`);
  }
  if (code?.startsWith("Z_")) return new BackupFileError(`${file} is damaged (${message}). It cannot be restored; use another backup.`);
  if (/damaged header/.test(message)) return new BackupFileError(`${file} is damaged (${message}). It cannot be restored; use another backup.`);
  return new BackupFileError(`${file} could not be read: ${message}`);
}

/** The archive's entries, straight from the file (gzip errors surface while iterating). */
export async function* archiveEntries(file: string): AsyncGenerator<TarEntry> {
  if (!existsSync(file)) throw new BackupFileError(`There is no backup file at ${file}.`);
  const gunzip = createGunzip();
  const data = new PassThrough();
  // Errors of either stream end the iteration below with that error.
  const piping = pipeline(createReadStream(file), gunzip, data);
  piping.catch(() => {});
  let finished = false;
  try {
    yield* readTar(data);
    // Read to the end, so gzip checks its trailer (CRC and length) too.
    data.resume();
    await piping;
    finished = true;
  } catch (error) {
    throw explain(file, error);
  } finally {
    // The consumer stopped early or something failed: close the file.
    if (!finished) data.destroy();
  }
}

async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads the whole file once and checks it against its manifest. */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  let manifest: Manifest | undefined;
  const files = new Map<string, Buffer>();
  const seen = new Set<string>();
  const expected = new Map<string, { bytes: number; sha256: string; keep: boolean }>();
  try {
    for await (const entry of archiveEntries(file)) {
      if (!manifest) {
        if (entry.name !== MANIFEST_ENTRY) throw new BackupFileError(`${file} is not a Trellis backup (it does not start with ${MANIFEST_ENTRY}).`);
        manifest = parseManifest(file, await readAll(entry.body));
        for (const migration of manifest.migrations) {
          if (migration.file) expected.set(migration.file.path, { ...migration.file, keep: true });
        }
        if (manifest.migrationLock) expected.set(manifest.migrationLock.path, { ...manifest.migrationLock, keep: true });
        for (const secret of manifest.secrets) expected.set(secret.path, { ...secret, keep: true });
        for (const table of manifest.tables) expected.set(table.path, { ...table, keep: false });
        continue;
      }
      const want = expected.get(entry.name);
      if (!want) throw new BackupFileError(`${file} holds ${entry.name}, which its manifest does not list: it is damaged or was altered.`);
      if (seen.has(entry.name)) throw new BackupFileError(`${file} holds ${entry.name} twice: it is damaged or was altered.`);
      seen.add(entry.name);
      const hash = createHash("sha256");
      const kept: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        bytes += chunk.length;
        if (want.keep) kept.push(chunk);
      }
      if (bytes !== want.bytes || hash.digest("hex") !== want.sha256) {
        throw new BackupFileError(`${file} is damaged: ${entry.name} does not match the checksum in its manifest. It cannot be restored; use another backup.`);
      }
      if (want.keep) files.set(entry.name, Buffer.concat(kept));
    }
  } catch (error) {
    throw explain(file, error);
  }
  if (!manifest) throw new BackupFileError(`${file} is empty or not a Trellis backup.`);
  const missing = [...expected.keys()].filter((name) => !seen.has(name));
  if (missing.length) {
    throw new BackupFileError(`${file} is incomplete: ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""} missing.`);
  }
  return { manifest, files };
}

function parseManifest(file: string, bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new BackupFileError(`${file} is damaged: its manifest is not valid JSON.`);
  }
  const format = (json as { format?: unknown; version?: unknown } | null) ?? {};
  if (format.format !== "trellis-backup") throw new BackupFileError(`${file} is not a Trellis backup (its manifest names no Trellis format).`);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === "version") {
      throw new BackupFileError(`${file} is a Trellis backup of format version ${String(format.version)}, which this version of Trellis does not read. Restore it with the Trellis version that made it.`);
    }
    throw new BackupFileError(`${file} has a manifest this version of Trellis cannot read (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  return parsed.data;
}
