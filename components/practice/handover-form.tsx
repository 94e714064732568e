"use client";

import { useActionState } from "react";
import { handOverClientAction } from "@/lib/practice/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

export type HandoverClinician = { id: string; name: string };

/**
 * The owner's "Hand over" form on a client's page: another active clinician
 * of the practice becomes the client's primary clinician.
 */
export function HandoverForm({
  clientId,
  currentClinicianId,
  clinicians,
}: {
  clientId: string;
  currentClinicianId: string;
  clinicians: HandoverClinician[];
}) {
  const [state, action] = useActionState(handOverClientAction, null);
  const others = clinicians.filter((clinician) => clinician.id !== currentClinicianId);
  if (state?.ok) return <FormAlert tone="success" message={state.message} />;
  return (
    <details className="rounded-lg border border-stone-200 p-4">
      <summary className="cursor-pointer font-medium text-stone-800">Hand over to another clinician</summary>
      <p className="mt-2 text-sm text-stone-600">
        Their homework, entries, progress and safety flags go with them, and upcoming sessions move to the new clinician.
        The client is told who their clinician now is (by e-mail, nothing about their therapy). A partner in couples
        therapy moves with them.
      </p>
      {others.length === 0 ? (
        <p className="mt-3 text-sm text-stone-700">There is no other active clinician in the practice yet. Invite one from Practice → Members.</p>
      ) : (
        <form action={action} noValidate className="mt-3 space-y-3">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="fromClinicianId" value={currentClinicianId} />
          <FormAlert message={state && !state.ok && !fieldError(state, "toClinicianId") ? state.message : undefined} />
          <SelectField label="New clinician" name="toClinicianId" defaultValue="" error={fieldError(state, "toClinicianId")}>
            <option value="" disabled>
              Choose a clinician
            </option>
            {others.map((clinician) => (
              <option key={clinician.id} value={clinician.id}>
                {clinician.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton pendingLabel="Handing over…">Hand over</SubmitButton>
        </form>
      )}
    </details>
  );
}
