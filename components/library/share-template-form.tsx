"use client";

import { useActionState } from "react";
import { shareTemplateAction } from "@/lib/templates/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** The author's switch between their own draft and the practice library. */
export function ShareTemplateForm({ templateId, shared, canUnshare }: { templateId: string; shared: boolean; canUnshare: boolean }) {
  const [state, action] = useActionState(shareTemplateAction, null);
  return (
    <form action={action} className="mt-4 space-y-3 border-t border-stone-200 pt-4">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="shared" value={shared ? "false" : "true"} />
      <p className="text-sm text-stone-600">
        {shared
          ? "In the practice library: every clinician of your practice can see and assign it."
          : "Your draft: only you can see it. Share it when it is ready for your colleagues."}
      </p>
      {shared && !canUnshare ? (
        <p className="text-sm text-stone-600">A colleague has assigned it, so it stays in the practice library.</p>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          {shared ? "Back to my drafts" : "Share with the practice"}
        </SubmitButton>
      )}
    </form>
  );
}
