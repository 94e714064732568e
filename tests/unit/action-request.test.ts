import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  declaresTooLarge,
  hasSameOrigin,
  isWellFormedFormReply,
  isWellFormedTextReply,
  jsonDepth,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
} from "@/lib/http/action-request";
import type { NextConfig } from "next";

// What the browser sends for a Server Action: React's own encoder, as bundled with Next.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const headers = (entries: Record<string, string>) => new Headers(entries);

// A JavaScript file outside tsc's reach, imported by its path.
const nextConfigUrl = new URL("../../next.config.js", import.meta.url).href;
const loadNextConfig = async () => ((await import(nextConfigUrl)) as { default: NextConfig }).default;

describe("hasSameOrigin", () => {
  const host = { host: "trellis.example.com" };

  it("accepts an Origin naming the host the request was sent to", () => {
    expect(hasSameOrigin(headers({ ...host, origin: "https://trellis.example.com" }), false)).toBe(true);
    expect(hasSameOrigin(headers({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }), false)).toBe(true);
  });

  it("refuses a foreign, missing, null or unparseable Origin", () => {
    expect(hasSameOrigin(headers({ ...host, origin: "https://evil.example" }), false)).toBe(false);
    expect(hasSameOrigin(headers({ ...host, origin: "https://trellis.example.com.evil.example" }), false)).toBe(false);
    expect(hasSameOrigin(headers({ ...host, origin: "https://trellis.example.com:8443" }), false)).toBe(false);
    expect(hasSameOrigin(headers(host), false)).toBe(false);
    expect(hasSameOrigin(headers({ ...host, origin: "null" }), false)).toBe(false);
    expect(hasSameOrigin(headers({ ...host, origin: "not a url" }), false)).toBe(false);
    expect(hasSameOrigin(headers({ origin: "https://trellis.example.com" }), false)).toBe(false);
  });

  it("ignores X-Forwarded-Host unless a proxy is trusted", () => {
    const forged = headers({ host: "trellis.internal:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" });
    expect(hasSameOrigin(forged, false)).toBe(false);
    expect(hasSameOrigin(forged, true)).toBe(true);
    const proxied = headers({ host: "10.0.0.5:3000", "x-forwarded-host": "trellis.example.com, other", origin: "https://trellis.example.com" });
    expect(hasSameOrigin(proxied, true)).toBe(true);
  });
});

describe("body size", () => {
  it("is the same 1 MB limit that next.config.js gives Server Actions", async () => {
    const nextConfig = await loadNextConfig();
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(MAX_BODY_BYTES + 1);
  });

  it("refuses a declared length over the limit only", () => {
    expect(declaresTooLarge(String(MAX_BODY_BYTES + 1))).toBe(true);
    expect(declaresTooLarge(String(10 * 1024 * 1024))).toBe(true);
    expect(declaresTooLarge(String(MAX_BODY_BYTES))).toBe(false);
    expect(declaresTooLarge(null)).toBe(false);
  });
});

describe("jsonDepth", () => {
  it("measures nesting without recursing, ignoring brackets inside strings", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth('[{"a":[1]}]')).toBe(3);
    expect(jsonDepth('["[[[[", "\\"]]]"]')).toBe(1);
    expect(jsonDepth("[".repeat(100_000) + "]".repeat(100_000))).toBe(100_000);
  });

  it("is null when the brackets or quotes do not close", () => {
    expect(jsonDepth("[[1]")).toBeNull();
    expect(jsonDepth("[1]]")).toBeNull();
    expect(jsonDepth('["open')).toBeNull();
  });
});

describe("isWellFormedTextReply", () => {
  it("accepts what React's encoder sends for simple arguments", async () => {
    for (const args of [[1, "x"], ["$dollar", null], [{ ok: true, fieldErrors: {} }], [[1, [2, [3]]]], [undefined, -0, Infinity, NaN, 10n]]) {
      const body = await encodeReply(args);
      expect(typeof body).toBe("string");
      expect(isWellFormedTextReply(body as string), String(body)).toBe(true);
    }
  });

  it("refuses truncated, deeply nested and non-JSON bodies", () => {
    expect(isWellFormedTextReply('[{"ok":true,"fieldErr')).toBe(false);
    expect(isWellFormedTextReply("[".repeat(10_000) + "]".repeat(10_000))).toBe(false);
    expect(isWellFormedTextReply("[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(isWellFormedTextReply("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH))).toBe(true);
    expect(isWellFormedTextReply("email=a%40b.c")).toBe(false);
    expect(isWellFormedTextReply("")).toBe(false);
  });

  it("refuses arguments that are not an array, and markers Trellis's actions never take", () => {
    for (const body of ["null", '"hello"', "{}", '["$B1"]', '["$R1"]', '["$A1"]', '[null,"$T"]', '[null,"$X1"]', '["$h0"]', '["$Q"]', '["$@"]']) {
      expect(isWellFormedTextReply(body), body).toBe(false);
    }
    expect(isWellFormedTextReply(`["$n${"9".repeat(301)}"]`)).toBe(false);
    expect(isWellFormedTextReply(`["$n${"9".repeat(300)}","$Infinity","$-Infinity","$NaN","$-0","$undefined"]`)).toBe(true);
  });

  it("refuses a pointer to a row the body does not carry", () => {
    expect(isWellFormedTextReply('["$1"]')).toBe(false);
    expect(isWellFormedTextReply('["$Q2"]')).toBe(false);
    expect(isWellFormedTextReply('["$@a"]')).toBe(false);
    expect(isWellFormedTextReply('["$1:name"]')).toBe(false);
    // Type tags are not row pointers.
    expect(isWellFormedTextReply('["$undefined","$D1970-01-01T00:00:00.000Z","$K1","$$1"]')).toBe(true);
  });
});

describe("isWellFormedFormReply", () => {
  it("accepts what React's encoder sends for a form, maps and dates", async () => {
    const form = new FormData();
    form.append("email", "a@b.c");
    form.append("note", "$1 [[[ {");
    const replies = [
      [{ ok: true, fieldErrors: {} }, form],
      [undefined, form],
      [{ when: new Date(0), tags: new Map([["k", { v: [1, 2] }]]), more: new Set(["a"]) }],
    ];
    for (const args of replies) {
      const body = await encodeReply(args);
      expect(body).toBeInstanceOf(FormData);
      expect(isWellFormedFormReply(body as FormData, true)).toBe(true);
    }
  });

  it("accepts a form posted before the page hydrated", () => {
    const unbound = new FormData();
    unbound.append("$ACTION_ID_00aa", "");
    unbound.append("email", "a@b.c");
    expect(isWellFormedFormReply(unbound, false)).toBe(true);

    const bound = new FormData();
    bound.append("$ACTION_REF_1", "");
    bound.append("$ACTION_1:0", '{"id":"00aa","bound":"$@1"}');
    bound.append("$ACTION_1:1", '["client-1"]');
    bound.append("$ACTION_KEY", "k0");
    expect(isWellFormedFormReply(bound, false)).toBe(true);
  });

  it("refuses a fetch action without its root row, a broken row or a dangling pointer", () => {
    const noRoot = new FormData();
    noRoot.append("_1_email", "a@b.c");
    expect(isWellFormedFormReply(noRoot, true)).toBe(false);

    const truncated = new FormData();
    truncated.append("0", '[{"ok":true},"$K1"');
    expect(isWellFormedFormReply(truncated, true)).toBe(false);

    const deep = new FormData();
    deep.append("0", "[".repeat(10_000) + "]".repeat(10_000));
    expect(isWellFormedFormReply(deep, true)).toBe(false);

    const dangling = new FormData();
    dangling.append("0", '["$Q5"]');
    expect(isWellFormedFormReply(dangling, true)).toBe(false);

    const boundWithoutMetadata = new FormData();
    boundWithoutMetadata.append("$ACTION_REF_1", "");
    expect(isWellFormedFormReply(boundWithoutMetadata, false)).toBe(false);
  });
});
