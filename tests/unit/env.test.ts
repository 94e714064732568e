import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgresql://trellis:secret@localhost:5432/trellis",
  AUTH_SECRET: "s".repeat(32),
};

/** The EnvError message for a bad environment (fails the test if none is thrown). */
function failure(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("accepts the minimum and fills in defaults", () => {
    expect(parseEnv(valid)).toEqual({
      ...valid,
      NODE_ENV: "development",
      EMAIL_FROM: "Trellis <no-reply@trellis.local>",
      APP_URL: undefined,
      SMTP_URL: undefined,
      TRUST_PROXY: false,
      SESSION_MAX_HOURS: 12,
      SESSION_IDLE_MINUTES_THERAPIST: 30,
      SESSION_IDLE_MINUTES_CLIENT: 120,
      DB_CONNECT_TIMEOUT_MS: 5000,
      DB_STATEMENT_TIMEOUT_MS: 10000,
      DB_LOCK_TIMEOUT_MS: 5000,
      DB_IDLE_TRANSACTION_TIMEOUT_MS: 15000,
    });
  });

  it("reads session and database limits as whole numbers within bounds, naming a bad one", () => {
    expect(parseEnv({ ...valid, SESSION_IDLE_MINUTES_THERAPIST: "15", DB_STATEMENT_TIMEOUT_MS: "2500" })).toMatchObject({
      SESSION_IDLE_MINUTES_THERAPIST: 15,
      DB_STATEMENT_TIMEOUT_MS: 2500,
    });
    expect(failure({ ...valid, SESSION_MAX_HOURS: "twelve" })).toBe("Configuration error: SESSION_MAX_HOURS must be a whole number.");
    expect(failure({ ...valid, SESSION_IDLE_MINUTES_CLIENT: "0" })).toBe(
      "Configuration error: SESSION_IDLE_MINUTES_CLIENT must be at least 1.",
    );
  });

  it("trusts proxy headers only when TRUST_PROXY is 1 or true", () => {
    expect(parseEnv({ ...valid, TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...valid, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...valid, TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(failure({ ...valid, TRUST_PROXY: "yes" })).toMatch(/^Configuration error: TRUST_PROXY /);
  });

  it("ignores variables it does not know", () => {
    expect(parseEnv({ ...valid, PATH: "/usr/bin" })).not.toHaveProperty("PATH");
  });

  it("names a missing AUTH_SECRET in one line", () => {
    const message = failure({ DATABASE_URL: valid.DATABASE_URL });

    expect(message).toBe("Configuration error: AUTH_SECRET is required.");
    expect(message).not.toContain("\n");
  });

  it("explains a short AUTH_SECRET", () => {
    expect(failure({ ...valid, AUTH_SECRET: "too-short" })).toMatch(/^Configuration error: AUTH_SECRET must be at least 32 characters/);
  });

  it("names a missing or non-PostgreSQL DATABASE_URL", () => {
    expect(failure({ AUTH_SECRET: valid.AUTH_SECRET })).toBe("Configuration error: DATABASE_URL is required.");
    expect(failure({ ...valid, DATABASE_URL: "mysql://localhost/trellis" })).toBe(
      "Configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL.",
    );
    expect(parseEnv({ ...valid, DATABASE_URL: "postgres://localhost/trellis" }).DATABASE_URL).toBe(
      "postgres://localhost/trellis",
    );
  });

  it("treats an empty SMTP_URL or APP_URL as not set", () => {
    const env = parseEnv({ ...valid, SMTP_URL: "", APP_URL: "" });

    expect(env.SMTP_URL).toBeUndefined();
    expect(env.APP_URL).toBeUndefined();
  });

  it("accepts smtp and smtps URLs and refuses others", () => {
    expect(parseEnv({ ...valid, SMTP_URL: "smtps://user:pass@mail.example.com:465" }).SMTP_URL).toBe(
      "smtps://user:pass@mail.example.com:465",
    );
    expect(failure({ ...valid, SMTP_URL: "http://mail.example.com" })).toBe(
      "Configuration error: SMTP_URL must be an smtp:// or smtps:// URL.",
    );
  });

  it("names a malformed APP_URL", () => {
    expect(failure({ ...valid, APP_URL: "trellis.example.com" })).toMatch(/^Configuration error: APP_URL must be a full URL/);
    expect(parseEnv({ ...valid, APP_URL: "https://trellis.example.com" }).APP_URL).toBe("https://trellis.example.com");
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(failure({ ...valid, NODE_ENV: "staging" })).toMatch(/^Configuration error: NODE_ENV /);
  });

  it("returns a read-only object", () => {
    expect(Object.isFrozen(parseEnv(valid))).toBe(true);
  });
});
