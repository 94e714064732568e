// The build's scripts and stylesheets go out brotli-compressed to browsers
// that accept it (scripts/server/brotli-static.ts), byte for byte the file
// Next would send, with Next's own headers, and gzip or nothing to the rest.
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "./support/fixtures";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request whose body comes back exactly as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

test("scripts and the stylesheet go out brotli-compressed, identical once decoded, with the headers Next sets", async ({ baseURL }) => {
  const page = await rawGet(`${baseURL}/sign-in`, { "accept-encoding": "identity" });
  const html = page.body.toString("utf8");
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  expect(scripts.length, "the sign-in page loads scripts").toBeGreaterThan(0);
  const stylesheets = [...html.matchAll(/<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/g)].map((match) => match[1]!);
  expect(stylesheets.length, "and its stylesheet").toBeGreaterThan(0);

  for (const script of [...scripts.slice(0, 3), stylesheets[0]!]) {
    const url = `${baseURL}${script}`;
    const plain = await rawGet(url, { "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();

    // Twice: the first answer is compressed from Next's, the second comes from memory.
    const first = await rawGet(url, { "accept-encoding": "gzip, deflate, br, zstd" });
    const second = await rawGet(url, { "accept-encoding": "br" });
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers["vary"]).toMatch(/accept-encoding/i);
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
      expect(zlib.brotliDecompressSync(answer.body).equals(plain.body), `${script} decodes to the file`).toBe(true);
      expect(answer.body.length, "smaller than the file").toBeLessThan(plain.body.length);
      expect(answer.headers["content-type"]).toBe(plain.headers["content-type"]);
      expect(answer.headers["cache-control"]).toBe(plain.headers["cache-control"]);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["set-cookie"]).toBeUndefined();
    }
    expect(first.headers["x-request-id"], "the first answer keeps its request id").toMatch(/^[\w.-]{8,64}$/);
    expect(second.headers["x-request-id"], "each answer has its own request id").toMatch(/^[\w.-]{8,64}$/);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);

    const gzip = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    const notBrotli = await rawGet(url, { "accept-encoding": "br;q=0, gzip" });
    expect(notBrotli.headers["content-encoding"], "br;q=0 means no brotli").toBe("gzip");
    const preferred = await rawGet(url, { "accept-encoding": "gzip;q=1, BR;q=0.5" });
    expect(preferred.headers["content-encoding"], "any q above 0 allows brotli").toBe("br");

    const head = await rawGet(url, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.body.length).toBe(0);
  }
});

test("a build file that does not exist is still Next's 404, compressed or not", async ({ baseURL }) => {
  for (const encoding of ["br", "identity"]) {
    const missing = await rawGet(`${baseURL}/_next/static/chunks/no-such-file-${encoding}.js`, { "accept-encoding": encoding });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-encoding"]).not.toBe("br");
  }
  const traversal = await rawGet(`${baseURL}/_next/static/chunks/..%2f..%2fpackage.json`, { "accept-encoding": "br" });
  expect(traversal.status).toBeGreaterThanOrEqual(400);
  expect(traversal.body.toString("utf8")).not.toContain('"dependencies"');
});

test("thirty simultaneous requests for one file all get the same brotli bytes", async ({ baseURL }) => {
  const page = await rawGet(`${baseURL}/sign-in`, { "accept-encoding": "identity" });
  const scripts = [...page.body.toString("utf8").matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const url = `${baseURL}${scripts.at(-1)!}`;
  const plain = await rawGet(url, { "accept-encoding": "identity" });
  const answers = await Promise.all(Array.from({ length: 30 }, () => rawGet(url, { "accept-encoding": "br" })));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(answer.body).equals(plain.body)).toBe(true);
  }
  expect(new Set(answers.map((answer) => answer.headers["x-request-id"])).size, "thirty request ids").toBe(30);
});

test("an absurd Accept-Encoding is not parsed at length, and the file still comes", async ({ baseURL }) => {
  const page = await rawGet(`${baseURL}/sign-in`, { "accept-encoding": "identity" });
  const script = page.body.toString("utf8").match(/src="(\/_next\/static\/[^"]+\.js)"/)![1]!;
  const plain = await rawGet(`${baseURL}${script}`, { "accept-encoding": "identity" });
  const answer = await rawGet(`${baseURL}${script}`, { "accept-encoding": `gzip, br${" ".repeat(8_000)}x` });
  expect(answer.status).toBe(200);
  expect(answer.headers["content-encoding"], "too long to be a real header: no brotli").not.toBe("br");
  const body = answer.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(answer.body) : answer.body;
  expect(body.equals(plain.body)).toBe(true);
});
