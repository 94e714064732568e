// Client components must not pull zod into the browser: zod 4 compiles its
// object parsers with `new Function`, which the Content-Security-Policy
// (no 'unsafe-eval') refuses, and every such page then reports a violation
// (e2e/headers.spec.ts caught one on the client page). Forms validate on the
// server (the action wrapper); shared limits and labels live in zod-free
// modules. This walks the imports of every "use client" file.
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

/**
 * The exercise catalogue's answer and field schemas still reach the portal's
 * form and the builder: splitting that barrel for phones is open work
 * (issue 11, "the client form imports the exercise barrel"). Nothing else
 * may join them.
 */
const KNOWN_FOLDER = "lib/exercises/";

/** The chain of files from `file` to one that imports zod, or null. */
function zodChain(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  // A "use server" module is an action reference in the browser, not its code.
  if (seen.size > 1 && /^\s*["']use server["']/.test(code)) return null;
  for (const match of code.matchAll(IMPORT)) {
    const specifier = match[1]!;
    if (specifier === "zod" || specifier.startsWith("zod/")) return path.relative(ROOT, file).startsWith(KNOWN_FOLDER) ? null : [path.relative(ROOT, file)];
    const next = resolve(file, specifier);
    const chain = next ? zodChain(next, seen) : null;
    if (chain) return [path.relative(ROOT, file), ...chain];
  }
  return null;
}

const clientFiles = [...filesUnder("components"), ...filesUnder("app")].filter((file) =>
  /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
);

describe("client components", () => {
  it("are found", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it("never import zod, directly or through lib/", () => {
    const offenders = clientFiles.map((file) => zodChain(path.join(ROOT, file))).filter((chain): chain is string[] => chain !== null);
    expect(offenders.map((chain) => chain.join(" → "))).toEqual([]);
  });
});
