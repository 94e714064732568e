// A real SMTP server in the test's own process (the smtp-server package), so
// tests send mail the way production does and read what arrived. Plain SMTP
// on 127.0.0.1, no TLS, no authentication.
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string | undefined;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded, or null when there is none. */
  html: string | null;
  /** The whole message as received. */
  raw: string;
  receivedAt: Date;
};

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, oldest first. */
  messages: ReceivedMail[];
  /** Resolves with the first message (already here or arriving within `ms`) that matches. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, ms?: number): Promise<ReceivedMail>;
  /** Refuses the next `count` messages with `code` (451: try again later; 550: never). */
  failNext(count: number, code?: number): void;
  close(): Promise<void>;
};

/** Starts a server on `port` (default: a free one). */
export async function startTestSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const failures = { remaining: 0, code: 451 };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures.remaining > 0) {
          failures.remaining--;
          const error = Object.assign(new Error(failures.code >= 500 ? "Mailbox unavailable" : "Try again later"), {
            responseCode: failures.code,
          });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          ...parseMessage(raw),
          raw,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          from: mailFrom ? mailFrom.address : undefined,
          receivedAt: new Date(),
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });

  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    failNext(count, code = 451) {
      failures.remaining = count;
      failures.code = code;
    },
    waitFor(predicate, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No matching e-mail arrived within ${ms} ms (${messages.length} received).`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on right now (for "SMTP is down", then start a server on it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

type Part = { headers: Map<string, string>; body: string };

/** Just enough MIME for what nodemailer writes: one text part, or multipart/alternative with text and HTML. */
export function parseMessage(raw: string): { subject: string; text: string; html: string | null } {
  const top = splitPart(raw);
  const subject = decodeWords(top.headers.get("subject") ?? "");
  const parts = leafParts(top);
  const text = parts.find((part) => contentType(part).startsWith("text/plain"));
  const html = parts.find((part) => contentType(part).startsWith("text/html"));
  return { subject, text: text ? decodeBody(text) : "", html: html ? decodeBody(html) : null };
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentType(part: Part): string {
  return (part.headers.get("content-type") ?? "text/plain").toLowerCase();
}

function leafParts(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .flatMap((chunk) => leafParts(splitPart(chunk.replace(/^\n/, ""))));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const body = part.body.replace(/\n$/, "");
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, mode: string, data: string) =>
      mode.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}
