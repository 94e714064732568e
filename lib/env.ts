// Every environment variable Trellis reads, validated once at start-up.
// A bad value stops the app with one line that says which and why.
import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgres:// or postgresql:// URL");

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ message: "must be a full URL such as https://trellis.example.com" }).optional());

/** A whole number from the environment with a default and bounds. */
function wholeNumber(fallback: number, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(fallback) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
    );
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    AUTH_SECRET: z
      .string({ message: "is required (generate one with: openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)"),
    // Public address used in links in e-mails and invitations. Required in
    // production (npm start sets it for the embedded demo); elsewhere it
    // defaults to the request's Host header.
    APP_URL: optionalUrl,
    // smtp://user:pass@host:587 — without it, outgoing mail is kept in the outbox table.
    SMTP_URL: z
      .string()
      .optional()
      .transform((value) => (value === "" ? undefined : value))
      .pipe(
        z
          .string()
          .refine((value) => /^smtps?:\/\/.+/.test(value), "must be an smtp:// or smtps:// URL")
          .optional(),
      ),
    EMAIL_FROM: z.string().default("Trellis <no-reply@trellis.local>"),
    // Bearer token a scheduler sends to POST /api/jobs/reminders; unset turns the route off (404).
    JOBS_SECRET: z
      .string()
      .optional()
      .transform((value) => (value === "" ? undefined : value))
      .pipe(
        z
          .string()
          .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)")
          .optional(),
      ),
    // Trust X-Forwarded-For/-Host/-Proto from a load balancer in front of the
    // app. Off by default: without a proxy those headers come from the browser.
    TRUST_PROXY: z
      .enum(["0", "1", "true", "false", ""])
      .optional()
      .transform((value) => value === "1" || value === "true"),
    // Session lifetimes: an absolute maximum, and idle timeouts per role.
    SESSION_MAX_HOURS: wholeNumber(12, 1, 24 * 7),
    SESSION_IDLE_MINUTES_THERAPIST: wholeNumber(30, 1, 24 * 60),
    SESSION_IDLE_MINUTES_CLIENT: wholeNumber(120, 1, 7 * 24 * 60),
    // Database time limits (milliseconds), so a slow or hung PostgreSQL never
    // holds a request for long: getting a connection, one statement (also
    // enforced on the client side, for a server that stops answering at all),
    // waiting for a lock, and a transaction left idle.
    DB_CONNECT_TIMEOUT_MS: wholeNumber(5_000, 100, 120_000),
    DB_STATEMENT_TIMEOUT_MS: wholeNumber(10_000, 100, 600_000),
    DB_LOCK_TIMEOUT_MS: wholeNumber(5_000, 100, 600_000),
    DB_IDLE_TRANSACTION_TIMEOUT_MS: wholeNumber(15_000, 100, 600_000),
  })
  .readonly();

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    // Links in e-mails must not depend on a request's Host header. `next build`
    // also runs with NODE_ENV=production but sends no e-mail.
    if (result.data.NODE_ENV === "production" && !result.data.APP_URL && source.NEXT_PHASE !== "phase-production-build") {
      throw new EnvError("Configuration error: APP_URL is required in production (the address people use, such as https://trellis.example.com).");
    }
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  const missing = source[name] === undefined || source[name] === "";
  const reason = missing && issue.code === "invalid_type" ? "is required" : issue.message;
  throw new EnvError(`Configuration error: ${name} ${reason}.`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
