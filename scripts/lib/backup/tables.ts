// The application's tables as a backup sees them: every ordinary table in
// the public schema (the migration history too), parents before the tables
// that reference them, each read with PostgreSQL's COPY in text format, the
// format pg_dump itself uses for data (https://www.postgresql.org/docs/current/sql-copy.html).
import { createHash } from "node:crypto";
import { Transform, Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

export type TableInfo = {
  name: string;
  /** Stored columns in table order (generated columns are left to the server). */
  columns: string[];
  /** The primary key (else every column), text compared byte-wise, so two servers sort alike. */
  orderBy: string[];
  /** Tables this one has foreign keys to (itself excluded). */
  references: string[];
};

export type Digest = { rows: number; bytes: number; sha256: string };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Settings under which COPY's text is the same on every server and every
 * run: ISO dates in UTC, floats to full precision, and no time limit a
 * deployment may configure for the app's own queries.
 */
export async function prepareSession(client: pg.Client) {
  await client.query(`
    SET client_encoding = 'UTF8';
    SET DateStyle = 'ISO, YMD';
    SET IntervalStyle = 'postgres';
    SET TimeZone = 'UTC';
    SET extra_float_digits = 3;
    SET bytea_output = 'hex';
    SET standard_conforming_strings = on;
    SET statement_timeout = 0;
    SET lock_timeout = 0;
    SET idle_in_transaction_session_timeout = 0;`);
}

/** Every table of the public schema, each after the tables it references. */
export async function listTables(client: pg.Client): Promise<TableInfo[]> {
  const { rows: columns } = await client.query<{ table: string; column: string; collatable: boolean }>(`
    SELECT c.relname AS "table", a.attname AS "column", a.attcollation <> 0 AS collatable
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    ORDER BY c.relname, a.attnum`);
  const { rows: keys } = await client.query<{ table: string; column: string; position: number }>(`
    SELECT c.relname AS "table", a.attname AS "column", k.position
    FROM pg_class c
    JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE c.relnamespace = 'public'::regnamespace
    ORDER BY c.relname, k.position`);
  const { rows: foreign } = await client.query<{ table: string; referenced: string }>(`
    SELECT DISTINCT c.relname AS "table", r.relname AS referenced
    FROM pg_constraint f
    JOIN pg_class c ON c.oid = f.conrelid
    JOIN pg_class r ON r.oid = f.confrelid
    WHERE f.contype = 'f' AND c.relnamespace = 'public'::regnamespace AND f.conrelid <> f.confrelid`);

  const tables = new Map<string, TableInfo>();
  const collatable = new Map<string, boolean>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [], orderBy: [], references: [] };
    table.columns.push(row.column);
    collatable.set(`${row.table}.${row.column}`, row.collatable);
    tables.set(row.table, table);
  }
  const sortKey = (table: string, column: string) => `${ident(column)}${collatable.get(`${table}.${column}`) ? ' COLLATE "C"' : ""}`;
  for (const key of keys) tables.get(key.table)?.orderBy.push(sortKey(key.table, key.column));
  for (const table of tables.values()) {
    if (table.orderBy.length === 0) table.orderBy = table.columns.map((column) => sortKey(table.name, column));
  }
  for (const row of foreign) tables.get(row.table)?.references.push(row.referenced);
  return inDependencyOrder([...tables.values()]);
}

/** Parents first (Kahn's algorithm, ties by name so the order is stable). */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const waiting = new Map(tables.map((table) => [table.name, new Set(table.references.filter((name) => byName.has(name)))]));
  const ordered: TableInfo[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, needs]) => needs.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) {
      throw new Error(`Foreign keys form a cycle between ${[...waiting.keys()].join(", ")}; this backup method cannot order them.`);
    }
    for (const name of ready) {
      ordered.push(byName.get(name)!);
      waiting.delete(name);
      for (const needs of waiting.values()) needs.delete(name);
    }
  }
  return ordered;
}

/** The COPY that reads a table, rows in key order. */
export function exportStatement(table: Pick<TableInfo, "name" | "columns" | "orderBy">) {
  const columns = table.columns.map(ident).join(", ");
  return `COPY (SELECT ${columns} FROM public.${ident(table.name)} ORDER BY ${table.orderBy.join(", ")}) TO STDOUT`;
}

export function importStatement(table: Pick<TableInfo, "name" | "columns">) {
  return `COPY public.${ident(table.name)} (${table.columns.map(ident).join(", ")}) FROM STDIN`;
}

export const quoteTable = (name: string) => `public.${ident(name)}`;

/** Passes bytes through while counting rows (one line each in COPY's text format) and hashing them. */
export function digesting(): Transform & { digest(): Digest } {
  const hash = createHash("sha256");
  let rows = 0;
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows++;
      callback(null, chunk);
    },
  });
  let result: Digest | undefined;
  return Object.assign(transform, { digest: () => (result ??= { rows, bytes, sha256: hash.digest("hex") }) });
}

/** Reads one table with COPY into `destination`; returns its digest. */
export async function copyTableOut(client: pg.Client, table: TableInfo, destination: Writable): Promise<Digest> {
  const counter = digesting();
  await pipeline(client.query(copyTo(exportStatement(table))) as Readable, counter, destination);
  return counter.digest();
}

/** Every table's row count and SHA-256 of its COPY text, as a backup would record them. */
export async function tableDigests(client: pg.Client, options: { exclude?: string[] } = {}): Promise<Map<string, Digest>> {
  const digests = new Map<string, Digest>();
  for (const table of await listTables(client)) {
    if (options.exclude?.includes(table.name)) continue;
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    digests.set(table.name, await copyTableOut(client, table, sink));
  }
  return digests;
}

/**
 * Tables that a freshly started Trellis fills by itself (the migration
 * history, the built-in exercise library, sign-in counters): rows there do
 * not make a database "hold data".
 */
const SELF_FILLED = new Set(["_prisma_migrations", "ExerciseTemplate", "TemplateVersion", "RateLimitCounter"]);

export type Contents = { tables: number; rows: Map<string, number>; holdsData: boolean };

/** What a database holds now: its tables, their row counts, and whether any of it is someone's data. */
export async function describeContents(client: pg.Client): Promise<Contents> {
  const rows = new Map<string, number>();
  const tables = await listTables(client);
  for (const table of tables) {
    const { rows: counted } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quoteTable(table.name)}`);
    rows.set(table.name, Number(counted[0]?.count ?? 0));
  }
  let holdsData = [...rows].some(([name, count]) => count > 0 && !SELF_FILLED.has(name));
  if (!holdsData && (rows.get("ExerciseTemplate") ?? 0) > 0) {
    // A practice's own template is data; the built-in library is not.
    const { rows: own } = await client.query(`SELECT 1 FROM public."ExerciseTemplate" WHERE "practiceId" IS NOT NULL LIMIT 1`);
    holdsData = own.length > 0;
  }
  return { tables: tables.length, rows, holdsData };
}
