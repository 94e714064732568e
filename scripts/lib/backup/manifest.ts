// What a backup holds, written first in the archive as manifest.json: the
// migrations the data belongs to (with their SQL, so a restore builds exactly
// that schema), every table's columns, row count, size and SHA-256, and the
// secrets that travel with an embedded cluster's data.
import { z } from "zod";

export const BACKUP_FORMAT = "trellis-backup";
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const entry = z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256 });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(["embedded", "DATABASE_URL"]),
  server: z.object({ version: z.string(), versionNum: z.number().int() }),
  database: z.string(),
  migrations: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9_-]+$/),
      // As recorded in _prisma_migrations (SHA-256 of the SQL that was applied).
      checksum: z.string(),
      // The migration's SQL, when the checkout that made the backup had it.
      file: entry.nullable(),
    }),
  ),
  migrationLock: entry.nullable(),
  tables: z.array(
    entry.extend({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().nonnegative(),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  secrets: z.array(entry.extend({ name: z.literal("auth-secret") })),
  // A one-way fingerprint of the AUTH_SECRET in use when the backup was made:
  // two-step sign-in secrets are encrypted with a key derived from it.
  authSecretFingerprint: z.string().nullable(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest["tables"][number];

/** A backup file that cannot be restored as it is: missing, damaged, cut short or not a Trellis backup. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupFileError";
  }
}

/** The restore would overwrite data, or the target is not in a state to receive it. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}
