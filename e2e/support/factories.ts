// Test data made through the app's own functions, so every row is what a
// real sign-up, "Add client" or accepted invitation would have written.
import { randomUUID } from "node:crypto";
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { addClient } from "@/lib/clients/add-client";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export const PASSWORD = "correct horse battery staple";

/** Short and unique: keeps names distinguishable across parallel workers. */
export function uniqueId(): string {
  return randomUUID().slice(0, 8);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID()}@example.com`;
}

export type TestTherapist = {
  id: string;
  practiceId: string;
  name: string;
  practiceName: string;
  email: string;
  password: string;
  timeZone: string;
};

export async function createTherapist(overrides: Partial<Pick<TestTherapist, "name" | "practiceName" | "timeZone">> = {}): Promise<TestTherapist> {
  const id = uniqueId();
  const input = {
    name: overrides.name ?? `Dr Therapist ${id}`,
    practiceName: overrides.practiceName ?? `Practice ${id}`,
    email: uniqueEmail("therapist"),
    password: PASSWORD,
    timeZone: overrides.timeZone ?? "Europe/London",
  };
  const user = await createTherapistAccount(input);
  return { id: user.id, practiceId: user.practiceId, ...input };
}

export type InvitedClient = { id: string; displayName: string; email: string; timeZone: string; token: string };

/** A client who has been invited but has not set a password yet. */
export async function addClientFor(
  therapist: TestTherapist,
  overrides: Partial<Pick<InvitedClient, "displayName" | "email" | "timeZone">> = {},
): Promise<InvitedClient> {
  const input = {
    // Unique first name: the portal greets clients by it.
    displayName: overrides.displayName ?? `Robin-${uniqueId()} Lee`,
    email: overrides.email ?? uniqueEmail("client"),
    timeZone: overrides.timeZone ?? "Europe/Berlin",
  };
  const { client, invitation } = await addClient({ therapistId: therapist.id, practiceId: therapist.practiceId }, input);
  return { id: client.id, ...input, token: invitation.token };
}

export type ActiveClient = InvitedClient & { userId: string; password: string };

/** A client who accepted their invitation and can sign in. */
export async function createActiveClient(
  therapist: TestTherapist,
  overrides: Partial<Pick<InvitedClient, "displayName" | "email" | "timeZone">> = {},
): Promise<ActiveClient> {
  const client = await addClientFor(therapist, overrides);
  const user = await acceptInvitation({ token: client.token, password: PASSWORD });
  return { ...client, userId: user.id, password: PASSWORD };
}
