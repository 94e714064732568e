import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { plainAddress, rightmostHop, sanitiseForwardedHeaders } from "@/lib/http/forwarded-headers";
import { clientAddressFrom } from "@/lib/http/client-address";

const forged = (): IncomingHttpHeaders => ({
  host: "trellis.example.com",
  "x-forwarded-for": "6.6.6.6, 7.7.7.7",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  "x-real-ip": "8.8.8.8",
  forwarded: "for=9.9.9.9;host=evil.example",
  "content-security-policy": "script-src 'nonce-chosenbytheattacker'",
  cookie: "a=b",
});

const asHeaders = (headers: IncomingHttpHeaders) => new Headers(headers as Record<string, string>);

describe("sanitiseForwardedHeaders without a trusted proxy", () => {
  it("replaces X-Forwarded-For with the socket's address, whatever the browser sent", () => {
    const headers = forged();
    sanitiseForwardedHeaders(headers, "203.0.113.5", false);

    expect(headers["x-forwarded-for"]).toBe("203.0.113.5");
    expect(clientAddressFrom(asHeaders(headers))).toBe("203.0.113.5");
  });

  it("removes every other proxy header and any CSP a browser sent, and keeps the rest", () => {
    const headers = forged();
    sanitiseForwardedHeaders(headers, "203.0.113.5", false);

    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded", "content-security-policy"]) {
      expect(headers, name).not.toHaveProperty(name);
    }
    expect(headers.host).toBe("trellis.example.com");
    expect(headers.cookie).toBe("a=b");
  });

  it("sets X-Forwarded-For when the browser sent none", () => {
    const headers: IncomingHttpHeaders = { host: "localhost:3000" };
    sanitiseForwardedHeaders(headers, "::ffff:127.0.0.1", false);

    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
  });
});

describe("sanitiseForwardedHeaders behind a trusted proxy (TRUST_PROXY=1)", () => {
  it("keeps only the hop our load balancer appended", () => {
    const headers = forged();
    sanitiseForwardedHeaders(headers, "10.0.0.2", true);

    expect(headers["x-forwarded-for"]).toBe("7.7.7.7");
  });

  it("keeps the proxy's host, protocol and port but drops X-Real-IP, Forwarded and a CSP", () => {
    const headers = forged();
    sanitiseForwardedHeaders(headers, "10.0.0.2", true);

    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-port"]).toBe("443");
    expect(headers).not.toHaveProperty("x-real-ip");
    expect(headers).not.toHaveProperty("forwarded");
    expect(headers).not.toHaveProperty("content-security-policy");
  });

  it("falls back to the socket's address when the proxy added none", () => {
    const headers: IncomingHttpHeaders = {};
    sanitiseForwardedHeaders(headers, "10.0.0.2", true);

    expect(headers["x-forwarded-for"]).toBe("10.0.0.2");
  });
});

describe("address helpers", () => {
  it("reads the rightmost hop of a list or of repeated headers", () => {
    expect(rightmostHop("1.1.1.1, 2.2.2.2 ,")).toBe("2.2.2.2");
    expect(rightmostHop(["1.1.1.1", "3.3.3.3"])).toBe("3.3.3.3");
    expect(rightmostHop(undefined)).toBeUndefined();
  });

  it("unwraps IPv4-mapped IPv6 and leaves real IPv6 alone", () => {
    expect(plainAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(plainAddress(undefined)).toBeUndefined();
  });

  it("never lets an address grow past 64 characters", () => {
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "x".repeat(500) };
    sanitiseForwardedHeaders(headers, "10.0.0.2", true);

    expect(String(headers["x-forwarded-for"]).length).toBe(64);
  });
});
