// Server Actions as the portal's browser calls them, without a browser: the
// action's id from the build's manifest, a POST to the page that carries it
// with React's encoded arguments (one JSON row for plain values), and the
// return value read back out of the React Flight reply.
import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = Record<"node" | "edge", Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>>;

/** The id of an exported Server Action in a production build (dist folder). */
export function actionId(distDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  for (const runtime of ["node", "edge"] as const) {
    for (const [id, info] of Object.entries(manifest[runtime] ?? {})) {
      // Relative to the workspace root Next settled on, which may be a folder above the project.
      const file = info.filename?.replaceAll("\\", "/");
      if (info.exportedName === exportedName && (file === filename || file?.endsWith(`/${filename}`))) return id;
    }
  }
  throw new Error(`${filename}#${exportedName} is not in ${distDir}'s Server Action manifest`);
}

/**
 * The action's return value from a Flight reply. Row 0 is the action's
 * envelope, whose "a" refers to the row that holds the value ("$@<hex id>").
 * Rows are "<hex id>:<json>\n", except text rows "<hex id>:T<hex byte length>,<text>"
 * (no newline after), which may contain newlines and are skipped by length.
 */
export function actionResult(reply: Buffer | Uint8Array): unknown {
  const bytes = Buffer.from(reply);
  const rows = new Map<number, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = Number.parseInt(bytes.toString("latin1", at, colon), 16);
    const tag = bytes[colon + 1];
    if (tag === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon + 2);
      const length = Number.parseInt(bytes.toString("latin1", colon + 2, comma), 16);
      if (comma < 0 || !Number.isFinite(length)) throw new Error("Unreadable text row in the action reply");
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    const stop = end < 0 ? bytes.length : end;
    if (Number.isFinite(id)) rows.set(id, bytes.toString("utf8", colon + 1, stop));
    at = stop + 1;
  }
  const envelope = rows.get(0);
  if (envelope === undefined) throw new Error("The action reply has no row 0");
  const reference = (JSON.parse(envelope) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@")) throw new Error("The action reply carries no return value");
  const row = rows.get(Number.parseInt(reference.slice(2), 16));
  if (row === undefined) throw new Error(`The action reply has no row ${reference.slice(2)}`);
  return JSON.parse(row);
}
