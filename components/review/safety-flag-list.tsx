"use client";

import Link from "next/link";
import { useActionState } from "react";
import { acknowledgeFlagAction } from "@/lib/review/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-state";

type Flag = { id: string; raisedAt: string; submissionId: string | null; clientId: string; clientName: string };

function AcknowledgeForm({ flag }: { flag: Flag }) {
  const [state, action] = useActionState(acknowledgeFlagAction, null);
  if (state?.ok) return <FormAlert tone="success" message={state.message} />;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="flagId" value={flag.id} />
      <TextAreaField label="What you did (optional)" name="note" rows={2} error={fieldError(state, "note")} />
      <FormAlert message={formError(state)} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Acknowledge
      </SubmitButton>
    </form>
  );
}

/**
 * Open safety flags stay at the top until acknowledged. Only the client's own
 * clinician acknowledges; readers (owner, supervisor) see the flags without
 * the form.
 */
export function SafetyFlagList({ flags, readOnly = false }: { flags: Flag[]; readOnly?: boolean }) {
  if (flags.length === 0) return null;
  return (
    <section role="alert" aria-labelledby="flags-title" className="rounded-xl border-2 border-red-300 bg-red-50 p-4" data-testid="safety-flags">
      <h2 id="flags-title" className="text-lg font-semibold text-red-900">
        {readOnly ? "Open safety " + (flags.length === 1 ? "flag" : "flags") : `Safety ${flags.length === 1 ? "flag" : "flags"} to acknowledge`}
      </h2>
      <ul className="mt-2 space-y-4">
        {flags.map((flag) => (
          <li key={flag.id} className="rounded-lg bg-white p-3">
            <p className="text-stone-900">
              <Link href={`/clients/${flag.clientId}`} className="font-semibold underline underline-offset-2">
                {flag.clientName}
              </Link>{" "}
              answered a safety question as unsafe ({flag.raisedAt}).{" "}
              {flag.submissionId ? (
                <Link href={`/review/${flag.submissionId}`} className="text-red-800 underline underline-offset-2">
                  Open the entry
                </Link>
              ) : null}
            </p>
            {readOnly ? null : <AcknowledgeForm flag={flag} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
