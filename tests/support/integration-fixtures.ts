// Fixtures for integration tests: every record is created through the app's
// own functions (validated by the same zod schemas the actions use), with
// unique emails, because all test files share one database.
import { randomUUID } from "node:crypto";
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { addClient } from "@/lib/clients/add-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { signUpSchema } from "@/lib/validations/auth";
import { addClientSchema } from "@/lib/validations/clients";

export const PASSWORD = "correct horse battery staple";

/** A lower-case address no other test uses. */
export function uniqueEmail(label = "person"): string {
  return `${label}-${randomUUID()}@example.test`;
}

/** A new practice with its first therapist; returns the scope data functions take. */
export async function createTherapist(overrides: { email?: string; password?: string } = {}) {
  const input = signUpSchema.parse({
    name: "Dr Test Therapist",
    practiceName: `Practice ${randomUUID()}`,
    email: overrides.email ?? uniqueEmail("therapist"),
    password: overrides.password ?? PASSWORD,
    timeZone: "Europe/London",
  });
  const user = await createTherapistAccount(input);
  const scope: TherapistScope = { therapistId: user.id, practiceId: user.practiceId };
  return { user, scope, email: input.email, password: input.password };
}

/** A client on the therapist's caseload who has been invited but not joined. */
export async function createInvitedClient(scope: TherapistScope, overrides: { email?: string } = {}) {
  const input = addClientSchema.parse({
    displayName: "Test Client",
    email: overrides.email ?? uniqueEmail("client"),
    timeZone: "America/New_York",
  });
  const { client, invitation } = await addClient(scope, input);
  return { client, token: invitation.token, email: input.email };
}

/** A client who has accepted their invitation and can sign in. */
export async function createActiveClient(scope: TherapistScope, password = PASSWORD) {
  const invited = await createInvitedClient(scope);
  const user = await acceptInvitation({ token: invited.token, password });
  return { ...invited, user, password };
}
