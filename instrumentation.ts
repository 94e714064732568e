import type { Instrumentation } from "next";

// Runs once when a server instance starts. The check lives in a Node-only
// module so the Edge bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("./lib/env-check");
    exitOnInvalidEnv();
    // Outbox delivery and reminders on timers (lib/jobs/registry.ts); never
    // in tests or while building, and off with BACKGROUND_JOBS=off.
    if (process.env.NODE_ENV !== "test" && process.env.NEXT_PHASE !== "phase-production-build") {
      const { startServerJobs } = await import("./lib/jobs/start");
      startServerJobs();
    }
  }
}

// Every error Next catches while serving (pages, actions, route handlers) is
// logged as one structured line: the route and error type, no request body.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log/logger");
  log.error(
    {
      err: error,
      requestId: headerValue(request.headers["x-request-id"]),
      method: request.method,
      // The path only: query strings can carry search terms.
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};

function headerValue(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}
