// Everything a request can reach, read from the production build the tests
// run against (and cross-checked with the source), so that a page, route
// handler or Server Action added later cannot go untested: the matrix fails
// until it has a row.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type BuiltAction = {
  /** "<source file>#<export name>": the key of its row. */
  key: string;
  id: string;
  filename: string;
  exportedName: string;
  /** Routes of the pages whose bundles carry it: where a browser posts it. */
  postedFrom: string[];
};

export type Enumeration = {
  distDir: string;
  /** Route patterns of pages, e.g. "/clients/[clientId]". */
  pages: string[];
  /** Route handlers: pattern → HTTP methods its source file exports. */
  routes: Map<string, string[]>;
  actions: BuiltAction[];
  /** Exports of "use server" files that the build does not contain (unused, or a stale build). */
  unbuiltActions: string[];
};

const root = process.cwd();
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

export function distDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next-test";
}

type ActionManifest = Record<"node" | "edge", Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>>;

export function enumerate(dir = distDir()): Enumeration {
  const entries = readJson<Record<string, string>>(path.join(root, dir, "app-path-routes-manifest.json"));
  const pages: string[] = [];
  const routes = new Map<string, string[]>();
  for (const [entry, route] of Object.entries(entries)) {
    // Next's own error pages, not ours.
    if (route === "/_not-found" || route === "/_global-error") continue;
    if (entry.endsWith("/page")) pages.push(route);
    else if (entry.endsWith("/route")) routes.set(route, routeMethods(entry));
    else throw new Error(`Unknown kind of app entry in the build: ${entry}`);
  }

  const manifest = readJson<ActionManifest>(path.join(root, dir, "server", "server-reference-manifest.json"));
  const actions: BuiltAction[] = [];
  for (const runtime of ["node", "edge"] as const) {
    for (const [id, info] of Object.entries(manifest[runtime] ?? {})) {
      if (!info.filename || !info.exportedName) throw new Error(`Server Action ${id} has no filename or export name in the build's manifest`);
      const postedFrom = Object.keys(info.workers).map((worker) => {
        const route = entries[`/${worker.replace(/^app\//, "")}`];
        if (!route) throw new Error(`Server Action ${info.exportedName}: no route for the page ${worker}`);
        return route;
      });
      actions.push({ key: `${info.filename}#${info.exportedName}`, id, filename: info.filename, exportedName: info.exportedName, postedFrom });
    }
  }

  const built = new Set(actions.map((action) => action.key));
  const unbuiltActions = sourceActions().filter((key) => !built.has(key));
  return { distDir: dir, pages: pages.sort(), routes, actions: actions.sort((a, b) => a.key.localeCompare(b.key)), unbuiltActions };
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** HTTP methods a route.ts exports, as `export async function GET` or `export const { GET, POST } = …`. */
function routeMethods(entry: string): string[] {
  const base = path.join(root, "app", entry.replace(/^\//, ""));
  const file = [".ts", ".tsx", ".js"].map((ext) => base + ext).find(existsSync);
  if (!file) throw new Error(`No source file for the route handler ${entry}`);
  const source = readFileSync(file, "utf8");
  const named = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)].map((match) => match[1]!);
  const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((match) =>
    match[1]!.split(",").map((part) => part.split(":").pop()!.trim()),
  );
  return [...new Set([...named, ...destructured])].filter((name) => HTTP_METHODS.includes(name)).sort();
}

const SOURCE_FOLDERS = ["app", "lib", "components"];
const SKIPPED = new Set(["generated", "node_modules"]);

/** "<file>#<export>" for every exported function of a file whose first statement is "use server". */
export function sourceActions(): string[] {
  const keys: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) visit(relative);
      } else if (/\.(ts|tsx|js|jsx)$/.test(entry.name)) {
        const source = readFileSync(path.join(root, relative), "utf8");
        if (!isServerActionFile(source)) continue;
        for (const name of exportedFunctions(source)) keys.push(`${relative}#${name}`);
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) if (existsSync(path.join(root, folder))) visit(folder);
  return keys.sort();
}

function isServerActionFile(source: string): boolean {
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(code);
}

function exportedFunctions(source: string): string[] {
  const names = [
    ...[...source.matchAll(/export\s+async\s+function\s*\*?\s*([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!),
    ...[...source.matchAll(/export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*async\b/g)].map((match) => match[1]!),
    ...[...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
      match[1]!
        .split(",")
        .map((part) => part.trim().split(/\s+as\s+/).pop()!.trim())
        .filter((name) => name && !name.startsWith("type ")),
    ),
  ];
  if (/export\s+default\s+async\s+function/.test(source)) names.push("default");
  return [...new Set(names)];
}

/** Which of an action's arguments are used, from its id (Next encodes it in the first byte): form actions take (state, formData). */
export function takesPreviousState(actionId: string): boolean {
  const mask = Number.parseInt(actionId.slice(0, 2), 16);
  return ((mask >> 5) & 0b11) === 0b11;
}
