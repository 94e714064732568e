"use client";

import { useActionState } from "react";
import { deactivateMemberAction, resendInvitationAction, revokeInvitationAction, setSuperviseesAction } from "@/lib/practice/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function InvitationButtons({ invitationId, email }: { invitationId: string; email: string }) {
  const [resent, resend] = useActionState(resendInvitationAction, null);
  const [revoked, revoke] = useActionState(revokeInvitationAction, null);
  const state = revoked ?? resent;
  return (
    <div className="space-y-2">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <div className="flex flex-wrap gap-2">
        <form action={resend}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            <span>
              Re-send<span className="sr-only"> the invitation to {email}</span>
            </span>
          </SubmitButton>
        </form>
        <form action={revoke}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton variant="danger" pendingLabel="Withdrawing…">
            <span>
              Withdraw<span className="sr-only"> the invitation to {email}</span>
            </span>
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}

export type ClinicianChoice = { id: string; name: string };

export function SuperviseesForm({
  supervisorId,
  supervisorName,
  clinicians,
  selected,
}: {
  supervisorId: string;
  supervisorName: string;
  clinicians: ClinicianChoice[];
  selected: string[];
}) {
  const [state, action] = useActionState(setSuperviseesAction, null);
  const error = fieldError(state, "clinicianIds")?.[0];
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="supervisorId" value={supervisorId} />
      <fieldset aria-describedby={error ? `supervises-${supervisorId}-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">{supervisorName} supervises</legend>
        {clinicians.length === 0 ? <p className="mt-1 text-sm text-stone-600">No clinicians yet.</p> : null}
        <div className="mt-2 flex flex-col gap-2">
          {clinicians.map((clinician) => (
            <label key={clinician.id} className="flex min-h-11 items-center gap-3 text-sm text-stone-800">
              <input
                type="checkbox"
                name="clinicianId"
                value={clinician.id}
                defaultChecked={selected.includes(clinician.id)}
                className="h-5 w-5 rounded border-stone-400 text-brand-700"
              />
              {clinician.name}
            </label>
          ))}
        </div>
        <p id={`supervises-${supervisorId}-error`} aria-live="polite" className="text-sm font-medium text-red-700">
          {error}
        </p>
      </fieldset>
      <FormAlert tone={state?.ok ? "success" : "error"} message={state && !error ? state.message : undefined} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        <span>
          Save<span className="sr-only"> who {supervisorName} supervises</span>
        </span>
      </SubmitButton>
    </form>
  );
}

export function DeactivateMemberForm({ memberId, memberName, clientCount }: { memberId: string; memberName: string; clientCount: number }) {
  const [state, action] = useActionState(deactivateMemberAction, null);
  if (state?.ok) return <FormAlert tone="success" message={state.message} />;
  return (
    <details className="rounded-lg border border-stone-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-stone-800">Deactivate {memberName}</summary>
      <p className="mt-2 text-sm text-stone-600">
        For a colleague who has left: they are signed out everywhere and can no longer sign in. What they wrote stays.
        {clientCount > 0
          ? ` They are still the clinician of ${clientCount} client${clientCount === 1 ? "" : "s"}: hand ${clientCount === 1 ? "that client" : "those clients"} over first, from each client's page.`
          : null}
      </p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="memberId" value={memberId} />
        <FormAlert message={state && !state.ok ? state.message : undefined} />
        <SubmitButton variant="danger" pendingLabel="Deactivating…">
          Deactivate
        </SubmitButton>
      </form>
    </details>
  );
}
