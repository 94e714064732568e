// Playwright global setup: one real SMTP server for the whole e2e run, which
// the app server sends to (playwright.config.ts passes SMTP_URL). Each message
// that arrives is written as JSON to a folder the test workers read, so any
// spec can check what was mailed (see mailArrived below).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestSmtpServer, type ReceivedMail } from "./smtp";

/** The port the e2e app server sends mail to (next to the app's own port). */
export function e2eSmtpPort(appPort = Number(process.env.E2E_PORT ?? 3100)): number {
  return appPort + 25;
}

function sinkDir(): string {
  return process.env.E2E_MAIL_DIR ?? path.join(tmpdir(), `trellis-e2e-mail-${e2eSmtpPort()}`);
}

export default async function startMailSink() {
  const dir = sinkDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env.E2E_MAIL_DIR = dir;
  let server: Awaited<ReturnType<typeof startTestSmtpServer>>;
  try {
    server = await startTestSmtpServer({ port: e2eSmtpPort() });
  } catch (error) {
    // Only the specs that read mail can fail for this; the rest of the run goes on.
    console.warn(`[e2e] No test SMTP server on port ${e2eSmtpPort()}: ${error instanceof Error ? error.message : error}`);
    return async () => undefined;
  }
  let written = 0;
  const timer = setInterval(() => {
    while (written < server.messages.length) {
      const mail = server.messages[written]!;
      const file = path.join(dir, `${String(written).padStart(6, "0")}.json`);
      // Renamed into place, so a reader never sees half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(mail));
      renameSync(`${file}.tmp`, file);
      written++;
    }
  }, 100);
  return async () => {
    clearInterval(timer);
    await server.close();
  };
}

/** Every message the sink has received so far, oldest first. */
export function receivedMail(): ReceivedMail[] {
  const dir = sinkDir();
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const mail = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as ReceivedMail;
    return { ...mail, receivedAt: new Date(mail.receivedAt) };
  });
}

/** Waits (polling) for a message to `to` that matches; throws after `ms`. */
export async function mailArrived(to: string, predicate: (mail: ReceivedMail) => boolean = () => true, ms = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = receivedMail().find((mail) => mail.to.includes(to) && predicate(mail));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No e-mail to ${to} arrived at the test SMTP server within ${ms} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
