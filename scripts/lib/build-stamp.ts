// Decides whether the production build is stale: a hash of every input to
// `next build`, stored beside the build.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
];

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(entry).sort()) yield* files(path.join(entry, child));
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(input)) {
      hash.update(file).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const stampPath = (distDir: string) => path.join(distDir, "trellis-source-hash");

export function buildIsCurrent(distDir: string, hash: string): boolean {
  return existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampPath(distDir)) && readFileSync(stampPath(distDir), "utf8") === hash;
}

export function markBuilt(distDir: string, hash: string) {
  writeFileSync(stampPath(distDir), hash);
}
