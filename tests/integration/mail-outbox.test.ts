import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverDueMessages, deliverMessage, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/mail/deliver-outbox";
import { queueMessage } from "@/lib/mail/send-mail";
import { uniqueEmail } from "@/tests/support/integration-fixtures";
import { freePort, startTestSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// Delivery through a real SMTP server in this process: status, retries with
// backoff, giving up, and two senders at once.
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // Whatever earlier test files left queued goes out now, so it does not mix with these tests.
  await deliverDueMessages({ smtpUrl: smtp.url, maxBatches: 1000 });
});

afterAll(() => smtp.close());

const row = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });

function message(to = uniqueEmail("mail")) {
  return queueMessage({
    practiceId: null,
    to,
    subject: "Reset your Trellis password",
    body: "Hello,\n\nOpen https://trellis.example/reset-password/abc\n",
    html: "<p>Hello,</p><p><a href=\"https://trellis.example/reset-password/abc\">https://trellis.example/reset-password/abc</a></p>",
    kind: "password-reset",
  });
}

describe("outbox delivery", () => {
  it("sends a queued message over SMTP, text and HTML, and marks it SENT", async () => {
    const queued = await message();
    expect(await row(queued.id)).toMatchObject({ status: "QUEUED", attempts: 0, sentAt: null });

    const counts = await deliverDueMessages({ smtpUrl: smtp.url });

    expect(counts.sent).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor((received) => received.to.includes(queued.toAddress));
    expect(mail.subject).toBe("Reset your Trellis password");
    expect(mail.text).toContain("Open https://trellis.example/reset-password/abc");
    expect(mail.html).toContain('<a href="https://trellis.example/reset-password/abc">');
    expect(mail.from).toBe("no-reply@trellis.local");
    const stored = await row(queued.id);
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, error: null, lockedUntil: null });
    expect(stored.sentAt).toBeInstanceOf(Date);

    // Sent once: another run finds nothing of it to send.
    await deliverDueMessages({ smtpUrl: smtp.url });
    expect(smtp.messages.filter((received) => received.to.includes(queued.toAddress))).toHaveLength(1);
  });

  it("keeps the message queued with the reason and a backoff while SMTP is down, and sends it when it is back", async () => {
    const port = await freePort();
    const down = `smtp://127.0.0.1:${port}`;
    const queued = await message();
    const start = new Date();

    expect(await deliverMessage(queued.id, { smtpUrl: down, now: () => start })).toBe("failed");

    const failed = await row(queued.id);
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1, sentAt: null, lockedUntil: null });
    expect(failed.error).toMatch(/ECONNREFUSED/);
    expect(failed.nextAttemptAt.getTime()).toBe(start.getTime() + RETRY_DELAYS_MS[0]);

    // Not due yet: nobody tries again before the backoff is over.
    const back = await startTestSmtpServer({ port });
    try {
      expect(await deliverMessage(queued.id, { smtpUrl: down, now: () => new Date(start.getTime() + 30_000) })).toBe("kept");
      expect(back.messages).toHaveLength(0);

      const later = new Date(start.getTime() + RETRY_DELAYS_MS[0] + 1_000);
      expect(await deliverMessage(queued.id, { smtpUrl: down, now: () => later })).toBe("sent");
      await back.waitFor((received) => received.to.includes(queued.toAddress));
      expect(await row(queued.id)).toMatchObject({ status: "SENT", attempts: 2, error: null });
    } finally {
      await back.close();
    }
  });

  it("backs off 1 min, 5 min, 30 min, 2 h, 12 h, then marks the message FAILED", async () => {
    const down = `smtp://127.0.0.1:${await freePort()}`;
    const queued = await message();
    let clock = new Date();
    const waits: number[] = [];

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverMessage(queued.id, { smtpUrl: down, now: () => clock })).toBe("failed");
      const stored = await row(queued.id);
      expect(stored.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(stored.status).toBe("QUEUED");
        waits.push(stored.nextAttemptAt.getTime() - clock.getTime());
        clock = stored.nextAttemptAt;
      } else {
        expect(stored.status).toBe("FAILED");
        expect(stored.error).toMatch(/ECONNREFUSED/);
      }
    }

    expect(waits).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    // A failed message is never tried again.
    expect(await deliverMessage(queued.id, { smtpUrl: smtp.url, now: () => new Date(clock.getTime() + 86_400_000) })).toBe("kept");
    expect(smtp.messages.some((received) => received.to.includes(queued.toAddress))).toBe(false);
  });

  it("gives up at once when the server refuses for good (5xx), and retries a temporary refusal (4xx)", async () => {
    const refused = await message();
    smtp.failNext(1, 550);
    expect(await deliverMessage(refused.id, { smtpUrl: smtp.url })).toBe("failed");
    expect(await row(refused.id)).toMatchObject({ status: "FAILED", attempts: 1, error: expect.stringMatching(/550/) });

    const deferred = await message();
    smtp.failNext(1, 451);
    expect(await deliverMessage(deferred.id, { smtpUrl: smtp.url })).toBe("failed");
    expect(await row(deferred.id)).toMatchObject({ status: "QUEUED", attempts: 1, error: expect.stringMatching(/451/) });
  });

  it("sends each message once when two senders run at the same moment", async () => {
    const batch = `parallel-${randomUUID()}`;
    const queued = await Promise.all(Array.from({ length: 30 }, (_, index) => message(`${batch}-${index}@example.test`)));

    const [first, second] = await Promise.all([
      deliverDueMessages({ smtpUrl: smtp.url }),
      deliverDueMessages({ smtpUrl: smtp.url }),
    ]);

    const ours = smtp.messages.filter((received) => received.to.some((to) => to.startsWith(batch)));
    expect(ours).toHaveLength(30);
    expect(new Set(ours.map((received) => received.to[0])).size).toBe(30);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(30);
    // Both took part (the claim is shared, not serialised onto one sender).
    expect(first.claimed).toBeGreaterThan(0);
    expect(second.claimed).toBeGreaterThan(0);
    const stored = await db.outboxMessage.findMany({ where: { id: { in: queued.map((item) => item.id) } } });
    expect(stored.every((item) => item.status === "SENT" && item.attempts === 1)).toBe(true);
  });

  it("leaves mail queued without SMTP, and the demo prints each message once", async () => {
    vi.stubEnv("TRELLIS_PRINT_UNSENT_MAIL", "1");
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const queued = await message();
      await deliverDueMessages();
      await deliverDueMessages();
      const lines = printed.mock.calls.map((call) => String(call[0])).filter((line) => line.includes(queued.toAddress));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("https://trellis.example/reset-password/abc");
      expect(await row(queued.id)).toMatchObject({ status: "QUEUED", attempts: 0 });
    } finally {
      printed.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
