// Loaded by instrumentation.ts in the Node.js runtime of the server.
import "server-only";
import { backgroundJobs } from "./registry";
import { backgroundJobsEnabled, startBackgroundJobs } from "./scheduler";

const started = globalThis as unknown as { trellisBackgroundJobs?: boolean };

export function startServerJobs() {
  if (!backgroundJobsEnabled(process.env.BACKGROUND_JOBS)) return;
  // Once per process, however often instrumentation is evaluated.
  if (started.trellisBackgroundJobs) return;
  started.trellisBackgroundJobs = true;
  startBackgroundJobs(backgroundJobs);
}
