"use client";

import { useActionState, useState } from "react";
import { acknowledgeCaseloadFlagAction } from "@/lib/caseload/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/result";
import type { FlagItem } from "./flag-items";

type Props = {
  flag: FlagItem;
  clientName: string;
  onAcknowledged: (message: string) => void;
};

/**
 * "Acknowledge" disclosure for one flag. The form is mounted the first time
 * the disclosure opens and then kept (a note typed, closed and reopened is
 * still there): a long caseload has a form per flag, and rendering every one
 * up front made most of the dashboard's HTML.
 */
export function AcknowledgeFlagForm(props: Props) {
  const [opened, setOpened] = useState(false);
  const { flag, clientName } = props;
  return (
    <details
      className="[&[open]]:basis-full"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline underline-offset-2 sm:min-h-6">
        Acknowledge<span className="sr-only"> “{flag.label}” for {clientName}</span>
      </summary>
      {opened ? <NoteForm {...props} /> : null}
    </details>
  );
}

/**
 * On success the flag leaves the row (and this form with it), so the outcome
 * is reported to the row's flag list, which stays on the page to say so.
 */
function NoteForm({ flag, clientName, onAcknowledged }: Props) {
  const [state, action] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await acknowledgeCaseloadFlagAction(previous, formData);
    if (result.ok) onAcknowledged(`Acknowledged “${flag.label}” for ${clientName}. Your note is saved.`);
    return result;
  }, null);

  return (
    <form action={action} noValidate className="mt-1 space-y-2 rounded-lg border border-stone-200 bg-stone-50 p-3 sm:w-64">
      <p className="text-sm text-stone-700">{flag.detail}</p>
      <input type="hidden" name="kind" value={flag.kind} />
      {flag.flagId ? <input type="hidden" name="flagId" value={flag.flagId} /> : <input type="hidden" name="clientId" value={flag.clientId} />}
      <TextAreaField
        label="Note"
        hint="What you did or decided. Kept with the acknowledgement."
        name="note"
        rows={3}
        maxLength={2000}
        defaultValue={typedValue(state, "note")}
        error={fieldError(state, "note")}
      />
      <FormAlert
        tone={state?.ok ? "success" : "error"}
        message={state?.ok ? state.message : state && !state.fieldErrors.note ? state.message : undefined}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Acknowledge
      </SubmitButton>
    </form>
  );
}
