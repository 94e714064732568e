// Hands queued outbox rows to SMTP. Several app instances (and `npm run jobs`)
// may run this at the same moment: each claims rows with
// FOR UPDATE SKIP LOCKED and a lease (lockedUntil), so one message is sent
// by one of them only. A crash between SMTP and the status update can send a
// message twice once its lease runs out; nothing can be done about that
// without the mail server's help, and twice beats never.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";

/** Waits before the 2nd, 3rd, … attempt; after the last one the message is FAILED. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Long enough for a batch with every SMTP timeout hit; a crashed sender's rows come back after it. */
const LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 10;
/** Upper bound for one message, whatever the SMTP server does. */
const SEND_TIMEOUT_MS = 30_000;

export type DeliveryCounts = { claimed: number; sent: number; retrying: number; failed: number };

export type DeliveryOptions = {
  /** The clock (tests move it forward to reach a retry). */
  now?: () => Date;
  /** The SMTP server; SMTP_URL by default. */
  smtpUrl?: string;
};

type ClaimedRow = { id: string; toAddress: string; subject: string; body: string; html: string | null; attempts: number };

/**
 * Delivers every message that is due, batch by batch, until none is left
 * (or `maxBatches` is reached). Without SMTP_URL nothing is claimed: the
 * rows stay QUEUED (and the embedded demo prints them once).
 */
export async function deliverDueMessages(options: DeliveryOptions & { maxBatches?: number } = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const SMTP_URL = options.smtpUrl ?? getEnv().SMTP_URL;
  if (!SMTP_URL) {
    await printNewUnsentMessages();
    return counts;
  }
  const now = options.now ?? (() => new Date());
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const rows = await claimDue(now(), BATCH_SIZE);
    if (rows.length === 0) break;
    counts.claimed += rows.length;
    for (const row of rows) counts[await send(row, SMTP_URL, now)]++;
  }
  return counts;
}

/** Sends one message by id if it is still queued and nobody holds it; the outcome is also on the row. */
export async function deliverMessage(id: string, options: DeliveryOptions = {}): Promise<"sent" | "failed" | "kept"> {
  const SMTP_URL = options.smtpUrl ?? getEnv().SMTP_URL;
  if (!SMTP_URL) return "kept";
  const now = options.now ?? (() => new Date());
  const [row] = await claimDue(now(), 1, id);
  if (!row) return "kept";
  const outcome = await send(row, SMTP_URL, now);
  return outcome === "sent" ? "sent" : "failed";
}

async function claimDue(now: Date, limit: number, onlyId?: string): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // SKIP LOCKED: a row another sender is claiming right now is passed over,
  // not waited for; the lease keeps it theirs after their claim commits.
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'QUEUED'
        AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
        AND (${onlyId ?? null}::text IS NULL OR "id" = ${onlyId ?? null}::text)
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "subject", "body", "html", "attempts"`;
}

async function send(row: ClaimedRow, smtpUrl: string, now: () => Date): Promise<"sent" | "retrying" | "failed"> {
  const { EMAIL_FROM } = getEnv();
  try {
    await withTimeout(
      transporterFor(smtpUrl).sendMail({
        from: EMAIL_FROM,
        to: row.toAddress,
        subject: row.subject,
        text: row.body,
        ...(row.html ? { html: row.html } : {}),
      }),
      SEND_TIMEOUT_MS,
    );
  } catch (error) {
    return recordFailure(row, error, now());
  }
  await db.outboxMessage.update({
    where: { id: row.id },
    data: { status: "SENT", sentAt: now(), attempts: row.attempts + 1, error: null, lockedUntil: null },
  });
  return "sent";
}

async function recordFailure(row: ClaimedRow, error: unknown, at: Date): Promise<"retrying" | "failed"> {
  const attempts = row.attempts + 1;
  // 5xx is the server saying "never" (e.g. no such mailbox): retrying cannot help.
  const permanent = isPermanent(error);
  const giveUp = permanent || attempts >= MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
  await db.outboxMessage.update({
    where: { id: row.id },
    data: {
      status: giveUp ? "FAILED" : "QUEUED",
      attempts,
      error: failureReason(error),
      nextAttemptAt: giveUp ? at : new Date(at.getTime() + delay),
      lockedUntil: null,
    },
  });
  // Ids and codes only: the reason can quote the address.
  log.warn(
    { outboxMessageId: row.id, attempts, giveUp, smtpCode: responseCode(error), errorCode: errorCode(error) },
    "outbox message not delivered",
  );
  return giveUp ? "failed" : "retrying";
}

function responseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : undefined;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function isPermanent(error: unknown): boolean {
  const code = responseCode(error);
  return code !== undefined && code >= 500 && code < 600;
}

/** One line a practice can act on, e.g. "Connection refused (ECONNREFUSED)". */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`SMTP did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let cached: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (cached?.url !== url) {
    // Bounded timeouts: a job run must not hang on a dead mail server.
    const transporter = nodemailer.createTransport(withTimeouts(url));
    cached = { url, transporter };
  }
  return cached.transporter;
}

/**
 * nodemailer reads connection options from the URL's query and ignores any
 * given next to a URL (a second argument would be message defaults), so the
 * time limits go into the query unless SMTP_URL sets its own.
 */
export function withTimeouts(url: string): string {
  const parsed = new URL(url);
  const limits = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 };
  for (const [name, ms] of Object.entries(limits)) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, String(ms));
  }
  return parsed.toString();
}

// Shared by every bundle of this process (instrumentation and routes load
// separate copies of this module), so each message is printed once.
const demo = globalThis as unknown as { trellisPrintedMail?: { since: Date; ids: Set<string> } };

// Loaded when the server starts (the background jobs import it): messages
// queued before that, such as the demo seed's invitations, are not printed
// over the sign-in instructions `npm start` has just shown.
const LOADED_AT = new Date();

function printedMail() {
  demo.trellisPrintedMail ??= { since: LOADED_AT, ids: new Set() };
  return demo.trellisPrintedMail;
}

async function printNewUnsentMessages() {
  if (process.env.TRELLIS_PRINT_UNSENT_MAIL !== "1") return;
  const printed = printedMail();
  const rows = await db.outboxMessage.findMany({
    where: { status: "QUEUED", createdAt: { gte: printed.since } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, toAddress: true, subject: true, body: true },
  });
  for (const row of rows) printForLocalDemo(row);
}

/**
 * On the embedded demo (`npm start` without DATABASE_URL sets
 * TRELLIS_PRINT_UNSENT_MAIL=1) there is no SMTP, and account e-mails
 * (confirmation and reset links) are deliberately not in any practice's
 * Outbox. Printing them to the terminal of the person who started Trellis on
 * their own machine lets them finish a sign-up or an invitation. Never on a
 * deployment: there the variable is not set and mail needs SMTP_URL.
 * Each message is printed once per server process.
 */
export function printForLocalDemo(message: { id: string; toAddress: string; subject: string; body: string }) {
  if (process.env.TRELLIS_PRINT_UNSENT_MAIL !== "1") return;
  const printed = printedMail();
  if (printed.ids.has(message.id)) return;
  printed.ids.add(message.id);
  console.log(`\n[trellis] E-mail (not sent: no SMTP_URL) to ${message.toAddress} — ${message.subject}\n${message.body}\n`);
}
