// Runs background jobs on timers inside the server process. A run never
// overlaps itself (the next tick is skipped while it runs), a failure is
// logged and the timer keeps going: no job can crash or stop the server.
import "server-only";
import { log } from "@/lib/log/logger";
import type { BackgroundJob } from "./registry";

export type JobRunner = {
  /** Runs the job now unless a run is already under way; never throws. */
  runOnce(): Promise<"done" | "failed" | "skipped">;
};

export function guardedRunner(job: BackgroundJob): JobRunner {
  let running = false;
  return {
    async runOnce() {
      if (running) return "skipped";
      running = true;
      const started = Date.now();
      try {
        const result = await job.run();
        log.debug({ job: job.name, ms: Date.now() - started, result }, "background job finished");
        return "done";
      } catch (error) {
        log.error({ err: error, job: job.name, ms: Date.now() - started }, "background job failed");
        return "failed";
      } finally {
        running = false;
      }
    },
  };
}

export type StopJobs = () => void;

/** Starts every job on its own interval (first run after a short, spread-out delay). */
export function startBackgroundJobs(jobs: BackgroundJob[]): StopJobs {
  const timers: NodeJS.Timeout[] = [];
  jobs.forEach((job, index) => {
    const runner = guardedRunner(job);
    const tick = () => void runner.runOnce();
    // A little after start-up, so the first requests are not competing with jobs.
    const first = setTimeout(tick, 5_000 + index * 2_000);
    const every = setInterval(tick, job.everySeconds * 1000);
    // Timers must not keep a stopping process alive.
    first.unref();
    every.unref();
    timers.push(first, every);
  });
  log.info({ jobs: jobs.map((job) => job.name) }, "background jobs started");
  return () => timers.forEach((timer) => clearTimeout(timer));
}

/** BACKGROUND_JOBS=off (or 0/false) keeps the server from running them, e.g. when a scheduler calls `npm run jobs`. */
export function backgroundJobsEnabled(value: string | undefined): boolean {
  return !["off", "0", "false", "no"].includes((value ?? "").trim().toLowerCase());
}
