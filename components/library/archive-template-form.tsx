"use client";

import { useActionState } from "react";
import { archiveTemplateAction } from "@/lib/templates/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/form-state";

export function ArchiveTemplateForm({ templateId, title }: { templateId: string; title: string }) {
  const [state, action] = useActionState(archiveTemplateAction, null);
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-stone-800">Archive “{title}”</summary>
      <p className="mt-2 text-sm text-stone-600">
        Archiving removes this exercise from the library so it can’t be assigned again. Homework already assigned keeps
        working, and everything your clients wrote stays.
      </p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="templateId" value={templateId} />
        <FormAlert message={formError(state)} />
        <SubmitButton variant="danger" pendingLabel="Archiving…">
          Archive exercise
        </SubmitButton>
      </form>
    </details>
  );
}
