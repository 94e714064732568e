"use client";

import { useActionState } from "react";
import { inviteMemberAction } from "@/lib/practice/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function InviteMemberForm() {
  const [state, action] = useActionState(inviteMemberAction, null);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Invite a colleague">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      {/* React empties the form after each submission; a failed one echoes what was typed. */}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" autoComplete="off" defaultValue={typedValue(state, "name")} required error={fieldError(state, "name")} />
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={typedValue(state, "email")}
          required
          error={fieldError(state, "email")}
        />
        <SelectField label="Role" name="practiceRole" defaultValue={typedValue(state, "practiceRole") ?? "CLINICIAN"} error={fieldError(state, "practiceRole")}>
          <option value="CLINICIAN">Clinician — treats their own clients</option>
          <option value="SUPERVISOR">Supervisor — reads the clients of the clinicians they supervise</option>
        </SelectField>
      </div>
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
