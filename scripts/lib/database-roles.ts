// The two PostgreSQL roles Trellis uses (issue 8): an owner that owns every
// table and runs migrations, and the restricted role the app runs as. The app
// role may read and write the clinical tables but can only SELECT and INSERT
// on the audit trail, only read the migration history, and has no TRUNCATE,
// DDL, CREATEDB or CREATEROLE anywhere, so an app compromise cannot rewrite
// the trail. The append-only triggers (migration trust) also stop the owner,
// unless it first drops them.
import pg from "pg";

/** Role names on the embedded cluster. With DATABASE_URL the names come from the URLs. */
export const OWNER_ROLE = "trellis_owner";
export const APP_ROLE = "trellis_app";

export type RolePasswords = { owner: string; app: string };

// Clear any attribute that would let the role step outside its tables.
const RESTRICTED = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";

/**
 * Embedded cluster only, as the superuser: both roles exist, can log in with
 * the saved passwords and have no special attributes (re-asserted on every
 * start, so a changed password file or a hand-granted attribute is undone).
 */
export async function provisionRoles(superuser: pg.Client, passwords: RolePasswords) {
  for (const [role, password] of [
    [OWNER_ROLE, passwords.owner],
    [APP_ROLE, passwords.app],
  ] as const) {
    const { rowCount } = await superuser.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const verb = rowCount ? "ALTER" : "CREATE";
    await superuser.query(`${verb} ROLE ${role} ${RESTRICTED} PASSWORD ${superuser.escapeLiteral(password)}`);
  }
}

/**
 * Embedded cluster only, as the superuser, connected to the app's database:
 * everything in the public schema belongs to the owner role. Clusters made
 * before issue 8 ran their migrations as `postgres`; this moves those objects
 * over once (later runs find nothing to move). REASSIGN OWNED cannot be used:
 * objects of the bootstrap superuser count as "required by the system".
 */
export async function transferOwnership(superuser: pg.Client) {
  await superuser.query(`
    DO $$
    DECLARE
      item record;
      target oid := '${OWNER_ROLE}'::regrole;
    BEGIN
      IF (SELECT nspowner FROM pg_namespace WHERE nspname = 'public') NOT IN (target, 'pg_database_owner'::regrole) THEN
        EXECUTE 'ALTER SCHEMA public OWNER TO ${OWNER_ROLE}';
      END IF;
      -- Tables first: a serial/identity sequence moves with its table.
      FOR item IN
        SELECT c.oid::regclass AS name,
          CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> target
      LOOP
        EXECUTE format('ALTER %s %s OWNER TO ${OWNER_ROLE}', item.kind, item.name);
      END LOOP;
      FOR item IN
        SELECT c.oid::regclass AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> target
      LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO ${OWNER_ROLE}', item.name);
      END LOOP;
      FOR item IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target
      LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', item.name);
      END LOOP;
      -- Enums and domains (a table's row type and array types follow their table).
      FOR item IN
        SELECT t.oid::regtype AS name FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm') AND t.typowner <> target
      LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', item.name);
      END LOOP;
    END
    $$`);
}

/**
 * As the owner (the migration role), after every migration run; idempotent.
 * The app role gets plain data access to every table, except the audit
 * trail (SELECT, INSERT) and the migration history (SELECT), in one
 * transaction so the app never sees a moment without its grants. Default
 * privileges make tables created by later migrations follow the same rule.
 */
export async function grantAppPrivileges(owner: pg.Client, appRole: string) {
  const app = owner.escapeIdentifier(appRole);
  await owner.query("BEGIN");
  try {
    // Before the first migration neither table exists yet.
    const { rows } = await owner.query<{ audit: boolean; migrations: boolean }>(`
      SELECT to_regclass('public."AuditEvent"') IS NOT NULL AS audit, to_regclass('public."_prisma_migrations"') IS NOT NULL AS migrations`);
    await owner.query(`
      GRANT USAGE ON SCHEMA public TO ${app};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      ${rows[0]?.audit ? `REVOKE UPDATE, DELETE ON "AuditEvent" FROM ${app};` : ""}
      ${rows[0]?.migrations ? `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app};` : ""}
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};`);
    await owner.query("COMMIT");
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** The user name a postgres:// URL logs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Warnings for `npm start` to print when the app's role has more power than it should. */
export async function checkAppRole(appUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; owns: boolean }>(`
      SELECT r.rolsuper,
        EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'AuditEvent' AND tableowner = current_user) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`);
    const role = rows[0];
    if (role?.rolsuper) {
      return ["DATABASE_URL connects as a PostgreSQL superuser: it can rewrite the audit trail. Use a restricted role (README, Configuration)."];
    }
    if (role?.owns) {
      return ["DATABASE_URL connects as the owner of the tables: the audit trail's triggers refuse changes, but an owner could drop them. Set MIGRATION_DATABASE_URL and give DATABASE_URL a restricted role (README, Configuration)."];
    }
    return [];
  } finally {
    await client.end();
  }
}
