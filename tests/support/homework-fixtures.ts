// Fixtures for the homework tests: clients in a chosen time zone, signed up
// through the app's own functions, and assignments made through the same
// zod schema and data function the therapist's form uses.
import { expect } from "vitest";
import type { z } from "zod";
import { addClient } from "@/lib/clients/add-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAssignments } from "@/lib/assignments/create-assignments";
import type { ClientScope } from "@/lib/homework/client-scope";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { assignSchema } from "@/lib/validations/assignments";
import { addClientSchema } from "@/lib/validations/clients";
import { PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";

/** An active client (invitation accepted) living in `timeZone`, with the scope portal functions take. */
export async function createClientIn(therapist: TherapistScope, timeZone: string, displayName = "Test Client") {
  const input = addClientSchema.parse({ displayName, email: uniqueEmail("client"), timeZone });
  const { client, invitation } = await addClient(therapist, input);
  const user = await acceptInvitation({ token: invitation.token, password: PASSWORD });
  const scope: ClientScope = { clientId: client.id, userId: user.id, practiceId: therapist.practiceId, timeZone };
  return { clientId: client.id, userId: user.id, scope, displayName };
}

export async function templateIdOf(slug: string): Promise<string> {
  const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return template.id;
}

/** Assigns through assignSchema + createAssignments; returns the one assignment id per client, in input order. */
export async function assign(therapist: TherapistScope, input: z.input<typeof assignSchema>, now: Date): Promise<string[]> {
  const created = await createAssignments(therapist, assignSchema.parse(input), now);
  return input.clientIds.map((clientId) => {
    const row = created.find((assignment) => assignment.clientId === clientId);
    if (!row) throw new Error(`no assignment created for ${clientId}`);
    return row.id;
  });
}

/** Assigns a built-in exercise by slug to a single client. */
export async function assignBuiltIn(
  therapist: TherapistScope,
  slug: string,
  clientId: string,
  schedule: Omit<z.input<typeof assignSchema>, "templateId" | "clientIds">,
  now: Date,
): Promise<string> {
  const [id] = await assign(therapist, { templateId: await templateIdOf(slug), clientIds: [clientId], ...schedule }, now);
  return id!;
}

/** The error a promise rejects with; fails the test when it resolves. */
export function rejection(promise: Promise<unknown>): Promise<AppError> {
  return caught(promise, AppError);
}

/** Any error a promise rejects with (for subclasses such as DraftConflict). */
export async function caught<T>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

export const checkInAnswers = (overrides: Record<string, unknown> = {}) => ({
  predictability: 6,
  reliability: 7,
  emotional_safety: 5,
  worry: 4,
  times_checked: 3,
  ...overrides,
});

export const triggerLogAnswers = (overrides: Record<string, unknown> = {}) => ({
  trigger: "late_reply",
  intensity_before: 8,
  evidence_or_emotion: "emotion",
  reassurance_needed: "To know we are still okay",
  what_i_did: ["paused", "named_feeling"],
  intensity_after: 3,
  ...overrides,
});

export const safetyCheckAnswers = (afraid: "yes" | "partly" | "no", overrides: Record<string, unknown> = {}) => ({
  consistent_accountable: "partly",
  safe_over_time: "no",
  growing_or_anxious: "anxious",
  afraid_or_unsafe: afraid,
  ...overrides,
});

export const microPromiseAnswers = (overrides: Record<string, unknown> = {}) => ({
  promise: "Message when I leave work",
  kept: "yes",
  ...overrides,
});
