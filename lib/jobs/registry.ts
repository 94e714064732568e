// The jobs the server runs in the background (instrumentation.ts starts them
// unless BACKGROUND_JOBS=off; `npm run jobs` runs each once). Every job must
// be safe to run on several app instances at once.
import "server-only";
import { deliverDueMessages } from "@/lib/mail/deliver-outbox";
import { runReminders } from "@/lib/reminders/run-reminders";
import { escalateUnacknowledgedFlags } from "@/lib/safety/escalate-flags";
import { queueMissedFlagAlerts } from "@/lib/safety/flag-alert";

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
  // Claimed by a conditional UPDATE (SKIP LOCKED): each flag is alerted and escalated once.
  { name: "safety-flags", everySeconds: 300, run: async () => ({ alerts: await queueMissedFlagAlerts(), escalations: await escalateUnacknowledgedFlags() }) },
];
