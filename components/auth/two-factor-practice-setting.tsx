"use client";

import { useActionState } from "react";
import { setPracticeRequirementAction } from "@/lib/two-factor/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function TwoFactorPracticeSetting({ required }: { required: boolean }) {
  const [state, action] = useActionState(setPracticeRequirementAction, null);
  return (
    <form action={action} className="space-y-4" aria-label="Practice sign-in policy">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <label className="flex items-start gap-3 text-sm text-stone-800">
        <input
          type="checkbox"
          name="requireTwoFactor"
          value="on"
          defaultChecked={required}
          className="mt-0.5 h-5 w-5 rounded border-stone-400 text-brand-700"
        />
        <span>
          <span className="font-medium">Require two-step sign-in for therapists</span>
          <span className="block text-stone-600">
            Therapists without it are asked to set it up before they can see any client. Clients can choose it for
            themselves.
          </span>
        </span>
      </label>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
