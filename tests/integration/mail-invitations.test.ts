import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashInvitationToken } from "@/lib/invitations/tokens";
import { staffInvitationMessage } from "@/lib/mail/invitation-messages";
import { queueMessage } from "@/lib/mail/send-mail";
import { addClientSchema } from "@/lib/validations/clients";
import { createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// Client invitations are queued with the client and sent after the response
// (next/server `after`, captured here as the server would run it).
const request = vi.hoisted(() => ({ after: [] as Array<() => unknown> }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void request.after.push(task),
}));

let smtp: TestSmtpServer;

/** The app's modules with SMTP_URL (and APP_URL) set, as a configured server reads them at start. */
async function configuredApp(smtpUrl: string) {
  vi.stubEnv("SMTP_URL", smtpUrl);
  vi.stubEnv("APP_URL", "https://trellis.example.com");
  vi.resetModules();
  const { addClient } = await import("@/lib/clients/add-client");
  const { renewInvitation } = await import("@/lib/clients/renew-invitation");
  const { deliverDueMessages } = await import("@/lib/mail/deliver-outbox");
  return { addClient, renewInvitation, deliverDueMessages };
}

async function runAfterTasks() {
  const tasks = request.after.splice(0);
  await Promise.all(tasks.map((task) => task()));
  return tasks.length;
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const app = await configuredApp(smtp.url);
  await app.deliverDueMessages({ maxBatches: 1000 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

beforeEach(() => {
  request.after = [];
});

const input = (email = uniqueEmail("invited")) =>
  addClientSchema.parse({ displayName: "Jordan Quill", email, timeZone: "Europe/Dublin" });

describe("client invitation e-mail", () => {
  it("is queued with the client and arrives over SMTP after the response, with a working link", async () => {
    const app = await configuredApp(smtp.url);
    const therapist = await createTherapist();
    const data = input();

    const { client, invitation } = await app.addClient(therapist.scope, data);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Queued in the same transaction, nothing sent yet: delivery waits for the response.
    const [row] = await db.outboxMessage.findMany({ where: { toAddress: data.email } });
    expect(row).toMatchObject({ kind: "client-invitation", status: "QUEUED", practiceId: therapist.scope.practiceId });
    expect(smtp.messages.some((mail) => mail.to.includes(data.email))).toBe(false);
    expect(request.after).toHaveLength(1);

    await runAfterTasks();

    const mail = await smtp.waitFor((received) => received.to.includes(data.email));
    const link = `https://trellis.example.com/invite/${invitation.token}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`<a href="${link}">`);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT" });
    // The link in the mail is the client's live invitation.
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    const stored = await db.invitation.findFirstOrThrow({ where: { clientId: client.id, usedAt: null, revokedAt: null } });
    expect(hashInvitationToken(token!)).toBe(stored.tokenHash);
  });

  it("carries no client name, therapist, practice or therapy words", async () => {
    const app = await configuredApp(smtp.url);
    const therapist = await createTherapist();
    const practice = await db.practice.findUniqueOrThrow({ where: { id: therapist.scope.practiceId } });
    const data = input();
    await app.addClient(therapist.scope, data);
    await runAfterTasks();

    const mail = await smtp.waitFor((received) => received.to.includes(data.email));
    const everything = `${mail.subject}\n${mail.text}\n${mail.html}`;
    for (const secret of ["Jordan", "Quill", "Dr Test Therapist", practice.name]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/therap|counsel|session|homework|exercise|clinic/i);
  });

  it("is sent again with the new link when the therapist makes one; the old link is not in it", async () => {
    const app = await configuredApp(smtp.url);
    const therapist = await createTherapist();
    const data = input();
    const first = await app.addClient(therapist.scope, data);
    await runAfterTasks();
    await smtp.waitFor((received) => received.to.includes(data.email));

    const renewed = await app.renewInvitation(therapist.scope, first.client.id);
    expect(request.after).toHaveLength(1);
    await runAfterTasks();

    const mails = async () => smtp.messages.filter((received) => received.to.includes(data.email));
    await smtp.waitFor(() => smtp.messages.filter((received) => received.to.includes(data.email)).length === 2);
    const second = (await mails())[1]!;
    expect(second.text).toContain(`/invite/${renewed.invitation.token}`);
    expect(second.text).not.toContain(first.invitation.token);
  });

  it("never slows or fails adding a client when the mail server hangs; delivery gives up within its time limits", async () => {
    const hanging = await silentServer();
    try {
      const app = await configuredApp(`smtp://127.0.0.1:${hanging.port}`);
      const therapist = await createTherapist();
      const data = input();

      const started = performance.now();
      const { client } = await app.addClient(therapist.scope, data);
      const elapsed = performance.now() - started;

      expect(client.id).toBeTruthy();
      expect(elapsed).toBeLessThan(2_000);
      // The delivery after the response resolves (never throws) once the greeting timeout passes.
      const deliveryStarted = performance.now();
      await runAfterTasks();
      expect(performance.now() - deliveryStarted).toBeLessThan(8_000);
      const row = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: data.email } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(row.error).toMatch(/greeting|timeout/i);
    } finally {
      await hanging.close();
    }
  }, 40_000);
});

describe("the practice's outbox", () => {
  it("shows each message's status, and never the body of an invitation (its link is the client's alone)", async () => {
    const app = await configuredApp(smtp.url);
    const { listOutbox } = await import("@/lib/mail/list-outbox");
    const therapist = await createTherapist();
    const data = input();
    const { invitation } = await app.addClient(therapist.scope, data);
    const [queued] = await listOutbox({ practiceId: therapist.scope.practiceId });
    expect(queued).toMatchObject({ kind: "client-invitation", status: "QUEUED", attempts: 0, body: null });

    await runAfterTasks();
    await smtp.waitFor((received) => received.to.includes(data.email));
    const [sent] = await listOutbox({ practiceId: therapist.scope.practiceId });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, error: null, body: null });
    expect(JSON.stringify(sent)).not.toContain(invitation.token);
  });
});

describe("staff invitation e-mail", () => {
  it("escapes what people typed in the HTML and keeps the subject on one line", async () => {
    const to = uniqueEmail("colleague");
    const message = staffInvitationMessage({
      to,
      practiceName: 'Harbour & Co <script>alert("x")</script>',
      inviterName: "Dr <b>Bold</b>\nBcc: someone@example.test",
      link: "https://trellis.example.com/join/abc?x=1&y=2",
    });
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("Harbour &amp; Co &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.html).toContain('<a href="https://trellis.example.com/join/abc?x=1&amp;y=2">');
    expect(message.subject).not.toMatch(/\n/);

    const app = await configuredApp(smtp.url);
    await queueMessage(message);
    await app.deliverDueMessages();
    const mail = await smtp.waitFor((received) => received.to.includes(to));
    expect(mail.to).toEqual([to]);
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).not.toContain("<b>Bold</b>");
    expect(mail.text).toContain("https://trellis.example.com/join/abc?x=1&y=2");
  });
});

/** A TCP server that accepts connections and never says a word (a hung mail server). */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
