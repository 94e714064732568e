// scripts/server/brotli-static.ts in front of a stand-in for Next's handler on
// a real HTTP server: a client that leaves mid-answer must not leave the
// next request for the same file waiting for ever (it once did: the shared
// compression never settled), thirty simultaneous requests cost Next one
// answer, and a failing handler leaves none of its headers on the 500.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveBrotli } from "@/scripts/server/brotli-static";

const FILE = Buffer.from(`console.log(${JSON.stringify("trellis ".repeat(2000))});`);
let calls = 0;
let delayMs = 0;
let fail = false;

/** Next's static file answer, after `delayMs`. */
async function fakeNext(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  calls += 1;
  response.setHeader("cache-control", "public, max-age=31536000, immutable");
  response.setHeader("content-type", "application/javascript; charset=UTF-8");
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (fail) throw new Error("Next failed");
  // Like Next's file stream: a client that has gone gets nothing more, and the handler just returns.
  if (response.destroyed || request.socket.destroyed) return;
  if (request.url?.includes("missing")) {
    response.statusCode = 404;
    response.end("not found");
    return;
  }
  response.end(FILE);
}

let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.setHeader("x-request-id", String(Math.random()).slice(2, 14));
    serveBrotli(request, response, fakeNext)
      .then((served) => (served ? undefined : fakeNext(request, response)))
      .catch(() => {
        // As trellis-server.ts answers a failure.
        if (response.headersSent) response.destroy();
        else {
          response.statusCode = 500;
          response.end("Internal Server Error");
        }
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(path: string, encoding = "br"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers: { "accept-encoding": encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.setTimeout(5_000, () => request.destroy(new Error(`no answer for ${path} in 5 s`)));
  });
}

/** Sends a request and hangs up before the answer comes. */
function getAndLeave(path: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(`${base}${path}`, { headers: { "accept-encoding": "br" } });
    request.on("error", () => resolve());
    setTimeout(() => {
      request.destroy();
      resolve();
    }, afterMs);
  });
}

describe("brotli in front of Next", () => {
  it("answers the next request for a file whose first requester left mid-answer", async () => {
    delayMs = 300;
    const leaving = getAndLeave("/_next/static/chunks/left.js", 50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await get("/_next/static/chunks/left.js");
    await leaving;
    expect(next.status).toBe(200);
    const body = next.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(next.body) : next.body;
    expect(body.equals(FILE)).toBe(true);
    // And once someone stays for the answer, it is kept compressed.
    delayMs = 0;
    const kept = await get("/_next/static/chunks/left.js");
    expect(kept.headers["content-encoding"]).toBe("br");
  });

  it("asks Next once for thirty simultaneous first requests", async () => {
    delayMs = 100;
    calls = 0;
    const answers = await Promise.all(Array.from({ length: 30 }, () => get("/_next/static/chunks/thirty.js")));
    expect(calls).toBe(1);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(zlib.brotliDecompressSync(answer.body).equals(FILE)).toBe(true);
      expect(answer.headers["x-request-id"]).toBeTruthy();
    }
    expect(new Set(answers.map((answer) => answer.headers["x-request-id"])).size).toBe(30);
    delayMs = 0;
  });

  it("passes Next's 404 through, and leaves no header of a failing Next on the 500", async () => {
    expect((await get("/_next/static/chunks/missing.js")).status).toBe(404);
    fail = true;
    try {
      const failed = await get("/_next/static/chunks/fails.js");
      expect(failed.status).toBe(500);
      expect(failed.headers["cache-control"]).toBeUndefined();
      expect(failed.headers["content-type"]).toBeUndefined();
    } finally {
      fail = false;
    }
    expect((await get("/_next/static/chunks/fails.js")).headers["content-encoding"]).toBe("br");
  });
});
