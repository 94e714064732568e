// Structured server logs (JSON lines on stdout, one object per event).
// Trellis holds mental-health data: a log line carries ids, routes, codes and
// timings, never what a client wrote, names or e-mail addresses. The redaction
// below is the safety net for a field that slips through, not the plan.
import pino, { type Logger } from "pino";

export const REDACTED_KEYS = [
  "email",
  "name",
  "displayName",
  "password",
  "newPassword",
  "currentPassword",
  "answers",
  "privateAnswers",
  "body",
  "note",
  "feedback",
  "token",
  "code",
  "cookie",
  "authorization",
];

const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: logLevel(),
      base: { app: "trellis" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Error objects keep their type, code and stack, not their enumerable extras
      // (a Prisma error's `meta` can quote a value from the failed statement).
      serializers: { err: (error: unknown) => describeError(error) },
    },
    destination,
  );
}

export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const digest = (error as { digest?: unknown }).digest;
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof digest === "string" ? { digest } : {}),
    // Messages of database errors can quote data; keep only their first line, cut short.
    message: error.message.split("\n")[0]?.slice(0, 200),
    // Only the frames: the stack's first lines repeat the whole message.
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .join("\n"),
  };
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** LOG_LEVEL when it names a level (pino would throw on anything else), else info (warn in tests). */
function logLevel(): string {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && LEVELS.includes(wanted)) return wanted;
  return process.env.NODE_ENV === "test" ? "warn" : "info";
}

const globalForLog = globalThis as unknown as { trellisLogger?: Logger };
export const log: Logger = globalForLog.trellisLogger ?? createLogger();
globalForLog.trellisLogger = log;
