// Client components must not pull zod into the browser: zod 4 compiles its
// object parsers with `new Function`, which the Content-Security-Policy
// (no 'unsafe-eval') refuses, and every such page then reports a violation
// (e2e/headers.spec.ts caught one on the client page). Forms validate on the
// server (the action wrapper); shared limits and labels live in zod-free
// modules (lib/exercises/constants.ts, field-types.ts and the pure helpers).
// Nor may they pull in the exercise catalogue (built-in exercises and
// measures): phones would download every exercise to answer one.
// This walks the imports of every "use client" file, transitively.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/g;

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : filesUnder(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** What a browser bundle must never reach: a bare package, or a file of the project. */
type Forbidden = { name: string; isPackage: (specifier: string) => boolean; isFile: (relative: string) => boolean };

const ZOD: Forbidden = {
  name: "zod",
  isPackage: (specifier) => specifier === "zod" || specifier.startsWith("zod/"),
  isFile: () => false,
};

const CATALOGUE: Forbidden = {
  name: "the exercise catalogue",
  isPackage: () => false,
  isFile: (relative) =>
    relative === "lib/exercises/index.ts" || relative.startsWith("lib/exercises/catalogue/") || relative.startsWith("lib/exercises/measures/"),
};

/**
 * Known edges in files this work could not change (components/library, the
 * lead's): each imports constants from a zod module instead of
 * lib/exercises/constants.ts. Listed one by one, and the last test fails as
 * soon as one is fixed, so the list can only shrink.
 */
const KNOWN_EDGES = new Set<string>([]);
const usedEdges = new Set<string>();

/** The chain of files from `file` to a forbidden import, or null. */
function chainTo(forbidden: Forbidden, file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const relative = path.relative(ROOT, file);
  if (forbidden.isFile(relative)) return [relative];
  const code = readFileSync(file, "utf8");
  // A "use server" module is an action reference in the browser, not its code.
  if (seen.size > 1 && /^\s*["']use server["']/.test(code)) return null;
  for (const match of code.matchAll(IMPORT)) {
    const specifier = match[1]!;
    if (forbidden.isPackage(specifier)) return [relative];
    const next = resolve(file, specifier);
    if (next && KNOWN_EDGES.has(`${relative} → ${path.relative(ROOT, next)}`)) {
      usedEdges.add(`${relative} → ${path.relative(ROOT, next)}`);
      continue;
    }
    const chain = next ? chainTo(forbidden, next, seen) : null;
    if (chain) return [relative, ...chain];
  }
  return null;
}

const clientFiles = [...filesUnder("components"), ...filesUnder("app")].filter((file) =>
  /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
);

function offenders(forbidden: Forbidden): string[] {
  return clientFiles
    .map((file) => chainTo(forbidden, path.join(ROOT, file)))
    .filter((chain): chain is string[] => chain !== null)
    .map((chain) => chain.join(" → "));
}

describe("client components", () => {
  it("are found, the entry form and the builder among them", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
    expect(clientFiles).toContain("components/portal/entry-form.tsx");
    expect(clientFiles).toContain("components/library/template-builder.tsx");
  });

  it("never import zod, directly or through lib/", () => {
    expect(offenders(ZOD)).toEqual([]);
  });

  it("never import the exercise catalogue (the lib/exercises barrel, built-ins or measures)", () => {
    expect(offenders(CATALOGUE)).toEqual([]);
  });

  it("the walk follows imports transitively and sees through re-exports", () => {
    // The server-side barrel reaches zod only through other files.
    expect(chainTo(ZOD, path.join(ROOT, "lib/exercises/index.ts"))?.length).toBeGreaterThan(1);
    expect(chainTo(CATALOGUE, path.join(ROOT, "lib/exercises/index.ts"))).toEqual(["lib/exercises/index.ts"]);
  });

  it("every known exception is still needed", () => {
    offenders(ZOD);
    offenders(CATALOGUE);
    expect([...KNOWN_EDGES].filter((edge) => !usedEdges.has(edge))).toEqual([]);
  });
});
