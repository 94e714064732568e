"use client";

import { useActionState } from "react";
import { archiveClientAction } from "@/lib/clients/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/form-state";

export function ArchiveClientForm({ clientId, clientName }: { clientId: string; clientName: string }) {
  const [state, action] = useActionState(archiveClientAction, null);
  if (state?.ok) return <FormAlert tone="success" message={state.message} />;
  return (
    <details className="rounded-lg border border-stone-200 p-4">
      <summary className="cursor-pointer font-medium text-stone-800">Archive {clientName}</summary>
      <p className="mt-2 text-sm text-stone-600">
        Archiving keeps everything {clientName} has written, signs them out everywhere and stops them from signing in.
        Unused invitation links stop working.
      </p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="clientId" value={clientId} />
        <FormAlert message={formError(state)} />
        <SubmitButton variant="danger" pendingLabel="Archiving…">
          Archive client
        </SubmitButton>
      </form>
    </details>
  );
}
