// The jobs the server runs in the background (instrumentation.ts starts them
// unless BACKGROUND_JOBS=off; `npm run jobs` runs each once). Every job must
// be safe to run on several app instances at once.
import "server-only";
import { deliverDueMessages } from "@/lib/mail/deliver-outbox";
import { runReminders } from "@/lib/reminders/run-reminders";

export type BackgroundJob = {
  name: string;
  everySeconds: number;
  run: () => Promise<unknown>;
};

export const backgroundJobs: BackgroundJob[] = [
  // Claims rows with SKIP LOCKED: instances never send one message twice.
  { name: "outbox-delivery", everySeconds: 30, run: () => deliverDueMessages() },
  // A reminder is claimed in the database before it is queued: idempotent.
  { name: "homework-reminders", everySeconds: 300, run: () => runReminders() },
];
