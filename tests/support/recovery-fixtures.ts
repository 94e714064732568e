// Helpers for the sign-up, invitation and password-reset tests: the links
// Trellis mails out are read back from the outbox, as a person would from
// their inbox.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";

/** A fresh caller address, so each test has its own rate-limit counters. */
export function uniqueAddress(): string {
  return `test-${randomUUID()}`;
}

export function formDataOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** What was mailed to `email` about their account, oldest first (the therapist's invitation e-mail left out). */
export async function outboxFor(email: string) {
  return db.outboxMessage.findMany({
    where: { toAddress: email, kind: { not: "client-invitation" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The token of the newest link to `path` ("/confirm" or "/reset-password") mailed to `email`. */
export async function tokenFromOutbox(email: string, path: "/confirm" | "/reset-password"): Promise<string> {
  const messages = await outboxFor(email);
  const pattern = new RegExp(`https?://[^\\s/]+${path}/([A-Za-z0-9_-]{43})(?=\\s|$)`);
  const token = messages
    .map((message) => pattern.exec(message.body)?.[1])
    .filter(Boolean)
    .at(-1);
  expect(token, `a ${path} link was mailed to ${email}`).toBeTruthy();
  return token!;
}
