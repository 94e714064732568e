"use client";

import { useActionState } from "react";
import { addClientAction } from "@/lib/clients/actions";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";
import { InvitationLink } from "./invitation-link";

export function AddClientForm({ defaultTimeZone }: { defaultTimeZone: string }) {
  const [state, action] = useActionState(addClientAction, null);
  return (
    <div className="space-y-4">
      {state?.ok ? <InvitationLink clientName={state.clientName} link={state.link} expiresAt={state.expiresAt} /> : null}
      <form action={action} noValidate className="space-y-4" aria-label="Add a client">
        <FormAlert message={formError(state)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            name="displayName"
            autoComplete="off"
            hint="As the client would like to be addressed."
            required
            defaultValue={typedValue(state, "displayName")}
            error={fieldError(state, "displayName")}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            hint="Where the invitation goes; they sign in with it."
            required
            defaultValue={typedValue(state, "email")}
            error={fieldError(state, "email")}
          />
        </div>
        <TimeZoneSelect
          label="Client’s time zone"
          name="timeZone"
          hint="Due dates and reminders follow the client’s own clock."
          defaultValue={typedValue(state, "timeZone") ?? defaultTimeZone}
          error={fieldError(state, "timeZone")}
        />
        <SubmitButton pendingLabel="Adding…">Add client and create link</SubmitButton>
      </form>
    </div>
  );
}
