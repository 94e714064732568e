import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { invitationLink } from "@/lib/invitations/invitation-url";

const valid = { DATABASE_URL: "postgresql://trellis@localhost/trellis", AUTH_SECRET: "s".repeat(32) };

describe("APP_URL in production", () => {
  it("is required when NODE_ENV is production", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "" })).toThrow(/^Configuration error: APP_URL is required in production/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "https://trellis.example.com" }).APP_URL).toBe("https://trellis.example.com");
  });

  it("is optional in development, tests and while `next build` runs", () => {
    expect(parseEnv({ ...valid, NODE_ENV: "development" }).APP_URL).toBeUndefined();
    expect(parseEnv({ ...valid, NODE_ENV: "test" }).APP_URL).toBeUndefined();
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).APP_URL).toBeUndefined();
  });
});

describe("invitationLink", () => {
  it("uses APP_URL, keeping a path prefix, whatever host the request named", () => {
    expect(invitationLink("tok", { appUrl: "https://trellis.example.com", host: "evil.example" })).toBe(
      "https://trellis.example.com/invite/tok",
    );
    expect(invitationLink("tok", { appUrl: "https://example.com/trellis", host: null })).toBe("https://example.com/trellis/invite/tok");
  });

  it("without APP_URL (development and tests) uses the Host header, over http for this machine", () => {
    expect(invitationLink("tok", { appUrl: undefined, host: "127.0.0.1:3100" })).toBe("http://127.0.0.1:3100/invite/tok");
    expect(invitationLink("tok", { appUrl: undefined, host: "trellis.test" })).toBe("https://trellis.test/invite/tok");
    expect(invitationLink("tok", { appUrl: undefined, host: "evil.example/@x" })).toBe("http://localhost:3000/invite/tok");
  });

  it("escapes the token", () => {
    expect(invitationLink("a/b?c", { appUrl: "https://t.example", host: null })).toBe("https://t.example/invite/a%2Fb%3Fc");
  });
});
