// Trellis's HTTP server: Next's request handler (the documented custom-server
// way) behind a plain Node server that first makes the request trustworthy:
// proxy headers are rewritten (lib/http/forwarded-headers.ts: without
// TRUST_PROXY a browser cannot choose its own X-Forwarded-For or host), and a
// body declared larger than Trellis accepts is refused with a 413 before
// anything reads it. `npm start` / `npm run dev` (scripts/serve.ts), the
// browser tests and the bench all serve through it.
//
//   node --import tsx scripts/server/trellis-server.ts start|dev [--port 3000] [--hostname 127.0.0.1]
import { randomUUID } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import { serveBrotli } from "./brotli-static";
import { declaresTooLarge, MAX_BODY_BYTES, refusals } from "../../lib/http/action-request";
import { sanitiseForwardedHeaders } from "../../lib/http/forwarded-headers";
import { EnvError, getEnv } from "../../lib/env";
import { log } from "../../lib/log/logger";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const dev = positionals[0] === "dev";
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// Set before Next loads, as `next start` / `next dev` do.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

let trustProxy: boolean;
try {
  trustProxy = getEnv().TRUST_PROXY;
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const started = Date.now();
const appUrl = `http://${!hostname || hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
// Next uses this to fetch the page a Server Action redirects to (its own
// `next start` sets it the same way).
process.env.__NEXT_PRIVATE_ORIGIN = appUrl;

const { default: next } = await import("next");
const server = http.createServer();
const app = next({ dev, dir: process.cwd(), hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

function refuseTooLarge(response: http.ServerResponse) {
  // Node reads and discards the rest of the body after this answer, so the
  // sender sees the 413 rather than a reset connection.
  const { status, message } = refusals.tooLarge;
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(message);
}

/**
 * A body sent without Content-Length (chunked) is read here first, so its
 * size is known before Next sees it: too large → null (413), otherwise a copy
 * of the request with the body and its length.
 */
function withMeasuredBody(request: http.IncomingMessage): Promise<http.IncomingMessage | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on("error", reject);
    request.on("end", () => {
      if (over) return;
      const body = Buffer.concat(chunks);
      const copy = new http.IncomingMessage(request.socket);
      Object.assign(copy, {
        method: request.method,
        url: request.url,
        httpVersion: request.httpVersion,
        httpVersionMajor: request.httpVersionMajor,
        httpVersionMinor: request.httpVersionMinor,
        // Whole already: an incomplete message would close the socket when read to its end.
        complete: true,
      });
      const { "transfer-encoding": _chunked, ...headers } = request.headers;
      void _chunked;
      copy.headers = { ...headers, "content-length": String(body.length) };
      copy.push(body);
      copy.push(null);
      resolve(copy);
    });
  });
}

async function serve(request: http.IncomingMessage, response: http.ServerResponse) {
  sanitiseForwardedHeaders(request.headers, request.socket.remoteAddress, trustProxy);
  const length = request.headers["content-length"];
  if (declaresTooLarge(typeof length === "string" ? length : null)) return refuseTooLarge(response);
  if (length === undefined && request.headers["transfer-encoding"]) {
    const measured = await withMeasuredBody(request);
    if (!measured) return refuseTooLarge(response);
    request = measured;
  }
  if (!dev && (await serveBrotli(request, response, handle))) return;
  await handle(request, response);
}

// A request id a trusted proxy chose, or our own; anything else a browser sent is replaced.
const REQUEST_ID = /^[\w.-]{8,64}$/;

/**
 * One structured line per request (lib/log/logger.ts): id, method, path
 * without its query (search terms stay out of logs), status and time. The id
 * goes to Next as X-Request-Id (onRequestError logs it) and back to the caller.
 */
function logRequest(request: http.IncomingMessage, response: http.ServerResponse) {
  const offered = request.headers["x-request-id"];
  const requestId = trustProxy && typeof offered === "string" && REQUEST_ID.test(offered) ? offered : randomUUID();
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const startedAt = process.hrtime.bigint();
  const path = (request.url ?? "/").split("?")[0]!.slice(0, 200);
  // Next itself adds up to ten "close" listeners to a streamed response; ours is one more, not a leak.
  response.setMaxListeners(response.getMaxListeners() + 1);
  response.once("close", () => {
    const ms = Number((process.hrtime.bigint() - startedAt) / 1_000n) / 1000;
    const entry = { requestId, method: request.method, path, status: response.statusCode, ms, completed: response.writableFinished };
    if (response.statusCode >= 500) log.error(entry, "request");
    else if (path.startsWith("/_next/")) log.debug(entry, "request");
    else log.info(entry, "request");
  });
}

server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
  logRequest(request, response);
  serve(request, response).catch((error: unknown) => {
    log.error({ err: error, requestId: request.headers["x-request-id"], method: request.method }, "request failed in the server");
    if (response.headersSent) response.destroy();
    else {
      response.statusCode = 500;
      response.end("Internal Server Error");
    }
  });
});
// Next's development server answers upgrades (hot reload) with its own
// listener, added on the first request; this one runs before it.
server.on("upgrade", (request: http.IncomingMessage) => {
  sanitiseForwardedHeaders(request.headers, request.socket.remoteAddress, trustProxy);
});
server.on("error", (error) => {
  console.error("Failed to start the server:", error);
  process.exit(1);
});

server.listen(port, hostname, () => {
  console.log(`  - Local:  ${appUrl}${trustProxy ? "  (trusting X-Forwarded-* from a proxy: TRUST_PROXY)" : ""}`);
  console.log(` ✓ Ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  // Finish requests in flight, then let Next clean up; give up after 10 s.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  if (dev) server.closeAllConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// Under `npm start` (scripts/serve.ts, which sets TRELLIS_SUPERVISOR) stdin is
// a pipe from the supervisor: its end means the supervisor is gone, even
// after kill -9, so stop rather than linger as an orphan holding the port.
if (process.env.TRELLIS_SUPERVISOR) {
  process.stdin.on("end", shutdown);
  process.stdin.on("error", shutdown);
  process.stdin.resume();
}
