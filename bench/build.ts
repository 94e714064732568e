// The production build the bench serves, in its own folder so it never
// disturbs `npm start` (.next) or `npm test` (.next-test). Rebuilt only
// when the sources changed since the last bench build.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { buildIsCurrent, markBuilt, sourceHash } from "../scripts/lib/build-stamp";
import { NEXT_BIN, run } from "../scripts/lib/run";

// Inside .data/ because that folder is already ignored by git, ESLint and
// tsc: a build in a new top-level folder would be linted by `npm test`.
export const BENCH_DIST_DIR = ".data/next-bench";

export async function ensureBenchBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<"current" | "built"> {
  const hash = sourceHash();
  if (buildIsCurrent(BENCH_DIST_DIR, hash)) return "current";
  log(`Building the app into ${BENCH_DIST_DIR} (the sources changed since the last bench build)…`);
  const restore = keepProjectFilesAsTheyWere();
  try {
    await run(process.execPath, [NEXT_BIN, "build"], { env: { ...env, NEXT_DIST_DIR: BENCH_DIST_DIR, NODE_ENV: "production" } });
  } finally {
    restore(log);
  }
  markBuilt(BENCH_DIST_DIR, hash);
  return "built";
}

/**
 * `next build` adds its dist folder's type globs to tsconfig.json (rewriting
 * the file's layout) and points next-env.d.ts at its route types. Neither is
 * wanted for a bench folder, so both go back as they were, but only when the
 * build's own edit is the sole difference: a concurrent edit by a person wins.
 */
function keepProjectFilesAsTheyWere() {
  const tsconfigBefore = readFileSync("tsconfig.json", "utf8");
  const nextEnvBefore = existsSync("next-env.d.ts") ? readFileSync("next-env.d.ts", "utf8") : undefined;
  return (log: (line: string) => void) => {
    const tsconfigAfter = readFileSync("tsconfig.json", "utf8");
    if (tsconfigAfter !== tsconfigBefore) {
      if (onlyOurTypeGlobsAdded(tsconfigBefore, tsconfigAfter)) writeFileSync("tsconfig.json", tsconfigBefore);
      else log("Note: tsconfig.json changed during the build in more ways than next build's type globs; left as it is.");
    }
    if (nextEnvBefore !== undefined && existsSync("next-env.d.ts")) {
      const nextEnvAfter = readFileSync("next-env.d.ts", "utf8");
      if (nextEnvAfter !== nextEnvBefore && nextEnvAfter.includes(BENCH_DIST_DIR)) writeFileSync("next-env.d.ts", nextEnvBefore);
    }
  };
}

function onlyOurTypeGlobsAdded(beforeText: string, afterText: string): boolean {
  try {
    const before = JSON.parse(beforeText) as { include?: string[] };
    const after = JSON.parse(afterText) as { include?: string[] };
    const added = (after.include ?? []).filter((entry) => !(before.include ?? []).includes(entry));
    const rest = { ...after, include: (after.include ?? []).filter((entry) => !added.includes(entry)) };
    return added.every((entry) => entry.startsWith(`${BENCH_DIST_DIR}/`)) && isDeepStrictEqual(rest, before);
  } catch {
    // Comments in tsconfig.json (JSON.parse cannot read them): leave the file alone.
    return false;
  }
}
