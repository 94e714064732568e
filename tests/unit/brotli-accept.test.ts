// Which Accept-Encoding headers get brotli (scripts/server/brotli-static.ts):
// `br` with a q-value above 0, in any case, and nothing from a header too
// long to be real (a crafted one must not cost the server time to read).
import type http from "node:http";
import { describe, expect, it } from "vitest";
import { acceptsBrotli, staticFilePath } from "@/scripts/server/brotli-static";

const request = (headers: http.IncomingHttpHeaders, url = "/_next/static/chunks/a1b2.js", method = "GET") =>
  ({ headers, url, method }) as http.IncomingMessage;

describe("acceptsBrotli", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br", true],
    ["BR", true],
    ["gzip;q=1, br;q=0.5", true],
    ["br;q=1.0", true],
    ["br;q=0", false],
    ["br;q=0.000", false],
    ["br;q=0, gzip", false],
    ["gzip", false],
    ["*", false],
    ["identity", false],
    ["brotli", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsBrotli(request({ "accept-encoding": header }))).toBe(expected);
  });

  it("ignores a header longer than any real one, quickly", () => {
    const started = performance.now();
    expect(acceptsBrotli(request({ "accept-encoding": `gzip, br${" ".repeat(16_000)}x` }))).toBe(false);
    expect(acceptsBrotli(request({}))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe("staticFilePath", () => {
  it("takes build scripts and stylesheets, by GET or HEAD, without their query", () => {
    expect(staticFilePath(request({}, "/_next/static/chunks/0a-b_c.js?v=1"))).toBe("/_next/static/chunks/0a-b_c.js");
    expect(staticFilePath(request({}, "/_next/static/chunks/x.css", "HEAD"))).toBe("/_next/static/chunks/x.css");
  });

  it.each([
    ["/_next/static/chunks/x.js", "POST"],
    ["/_next/static/chunks/../../package.json", "GET"],
    ["/_next/static/chunks/..%2f..%2fx.js", "GET"],
    ["/_next/static/media/font.woff2", "GET"],
    ["/portal", "GET"],
  ])("leaves %s (%s) to Next", (url, method) => {
    expect(staticFilePath(request({}, url, method))).toBeNull();
  });
});
