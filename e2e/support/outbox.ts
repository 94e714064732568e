import { expect } from "@playwright/test";
import { db } from "@/lib/db";

/**
 * The newest link to `path` mailed to `email`, read from the outbox (the e2e
 * server has no SMTP, so every message stays there), as a person would open
 * it from their inbox. Waits briefly: the message is written before the
 * page answers, but polling keeps the test honest if that ever changes.
 */
export async function linkFromOutbox(email: string, path: "/confirm" | "/reset-password"): Promise<string> {
  const pattern = new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]{43}(?=\\s|$)`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = await db.outboxMessage.findMany({
          where: { toAddress: email },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { body: true },
        });
        link = messages.map((message) => pattern.exec(message.body)?.[0]).find(Boolean);
        return link;
      },
      { message: `a ${path} link mailed to ${email}` },
    )
    .toBeTruthy();
  return link!;
}

/** What was mailed to `email` about their account, oldest first (the therapist's invitation e-mail left out). */
export function mailTo(email: string) {
  return db.outboxMessage.findMany({
    where: { toAddress: email, kind: { not: "client-invitation" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
