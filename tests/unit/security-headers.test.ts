import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy("abc123+/=="));

  it("lets scripts run only with this response's nonce (and what they load)", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123+/=='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("forbids plugins, base changes, framing and foreign form targets", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("adds eval only in development, for React's tooling", () => {
    expect(directives(contentSecurityPolicy("abc", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("is one header line that Next can read the nonce from", () => {
    const value = contentSecurityPolicy("abc123");
    expect(value).not.toMatch(/[\r\n]/);
    // Next's own reading of the nonce (get-script-nonce-from-header).
    expect(/'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(value)?.[1]).toBe("abc123");
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => contentSecurityPolicy("abc'; script-src *")).toThrow();
  });
});

describe("createNonce", () => {
  it("makes a different base64 value of 128 bits every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("isHttpsRequest (decides HSTS)", () => {
  it("is true for a request that arrived over HTTPS", () => {
    expect(isHttpsRequest({ protocol: "https:", forwardedProto: null, trustProxy: false })).toBe(true);
  });

  it("believes X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(isHttpsRequest({ protocol: "http:", forwardedProto: "https", trustProxy: false })).toBe(false);
    expect(isHttpsRequest({ protocol: "http:", forwardedProto: "https", trustProxy: true })).toBe(true);
    expect(isHttpsRequest({ protocol: "http:", forwardedProto: "HTTPS, http", trustProxy: true })).toBe(true);
  });

  it("is false for plain HTTP", () => {
    expect(isHttpsRequest({ protocol: "http:", forwardedProto: null, trustProxy: true })).toBe(false);
    expect(isHttpsRequest({ protocol: "http:", forwardedProto: "http", trustProxy: true })).toBe(false);
  });

  it("asks browsers to remember HTTPS for two years, subdomains included", () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
  });
});
