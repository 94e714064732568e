import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command to completion, inheriting output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

export const NEXT_BIN = "node_modules/next/dist/bin/next";
export const TSX_BIN = "node_modules/tsx/dist/cli.mjs";
// Scripts that import the app's server modules run with the react-server
// condition, so `import "server-only"` resolves as it does inside Next.
// Passed through NODE_OPTIONS because tsx starts a child node process.
export function withServerConditions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim() };
}
