// Every outgoing e-mail is written to the outbox first, in the transaction
// that makes it necessary, and only then handed to SMTP (lib/mail/deliver-outbox.ts),
// so nothing is lost when SMTP is missing or down: without SMTP_URL the row
// simply stays queued, where the practice can read it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { deliverDueMessages, deliverMessage, printForLocalDemo } from "./deliver-outbox";

export type MailMessage = {
  practiceId: string | null;
  to: string;
  subject: string;
  /** Plain text: the message itself. */
  body: string;
  /** Optional simple HTML rendering of the same words (escape everything: lib/mail/html.ts). */
  html?: string;
  /** What the message is for, e.g. "homework-reminder". */
  kind: string;
};

export type QueuedMessage = { id: string; toAddress: string; subject: string; body: string };

/** "sent": SMTP accepted it; "kept": no SMTP configured; "failed": SMTP refused (the reason is on the row). */
export type DeliveryOutcome = "sent" | "kept" | "failed";

type OutboxWriter = Pick<Tx, "outboxMessage">;

/** Writes the message to the outbox; pass a transaction to make it part of a larger write. */
export function queueMessage(message: MailMessage, client: OutboxWriter = db): Promise<QueuedMessage> {
  return client.outboxMessage.create({
    data: {
      practiceId: message.practiceId,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      html: message.html ?? null,
      kind: message.kind,
    },
    select: { id: true, toAddress: true, subject: true, body: true },
  });
}

/**
 * Asks for the due messages to be delivered soon, without waiting for it:
 * inside a request after the response has been sent (next/server `after`),
 * so a slow or dead mail server never slows or fails the action that queued
 * the mail, and no timing tells which branch of an action ran. Outside a
 * request (scripts, tests) it does nothing: the background job delivers
 * within a minute. Never throws.
 */
export function requestDelivery(): void {
  try {
    if (nextServer.after) scheduleAfterResponse(nextServer.after);
    else void loadNextServer().then((after) => after && scheduleAfterResponse(after));
  } catch {
    // Never the caller's problem: the background job delivers.
  }
}

type After = typeof import("next/server").after;

// next/server is loaded lazily, once, as soon as this module is: this module
// is also imported by scripts and Playwright fixtures running in plain Node,
// where next/server may not resolve. Loaded ahead of time so that `after` is
// registered synchronously, while the request is certainly still running.
const nextServer: { after?: After } = {};
let loading: Promise<After | null> | undefined;

function loadNextServer(): Promise<After | null> {
  loading ??= import("next/server").then(
    (module) => (nextServer.after = module.after),
    () => null,
  );
  return loading;
}
void loadNextServer();

function scheduleAfterResponse(after: After) {
  try {
    after(() =>
      deliverDueMessages().catch((error: unknown) => {
        log.error({ err: error }, "outbox delivery after a request failed");
      }),
    );
  } catch {
    // Outside a request scope (scripts, tests): the background job picks the message up.
  }
}

/**
 * Sends one queued message now (SMTP configured) or prints it on the
 * embedded demo, recording the result on its row. Failures are recorded,
 * not thrown. Prefer requestDelivery(); this remains for callers that must
 * know the outcome of a particular message.
 */
export async function deliverQueued(message: QueuedMessage): Promise<DeliveryOutcome> {
  if (!getEnv().SMTP_URL) {
    printForLocalDemo(message);
    return "kept";
  }
  return deliverMessage(message.id);
}
