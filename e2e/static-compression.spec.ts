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
    expect(second.headers["x-request-id"], "each answer has its own request id").not.toBe(first.headers["x-request-id"]);

    const gzip = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    const notBrotli = await rawGet(url, { "accept-encoding": "br;q=0, gzip" });
    expect(notBrotli.headers["content-encoding"], "br;q=0 means no brotli").toBe("gzip");

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
