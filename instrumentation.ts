// Runs once when a server instance starts. The check lives in a Node-only
// module so the Edge bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("./lib/env-check");
    exitOnInvalidEnv();
  }
}
