"use client";

import { useActionState } from "react";
import { markReviewedManyAction } from "@/lib/review/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The inbox's "Mark reviewed": the checkboxes live in the table rows and
 * belong to this form through their `form` attribute, so the table stays a
 * plain server-rendered table.
 */
export function BulkReviewForm({ id, count }: { id: string; count: number }) {
  const [state, action] = useActionState(markReviewedManyAction, null);
  const boxes = () => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${id}"]`));
  return (
    <form id={id} action={action} aria-label="Mark entries reviewed" className="flex flex-wrap items-center gap-2">
      <Button
        variant="ghost"
        onClick={() => {
          const all = boxes();
          const check = all.some((box) => !box.checked);
          for (const box of all) box.checked = check;
        }}
      >
        Select all {count} new
      </Button>
      <SubmitButton variant="secondary" pendingLabel="Marking…">
        Mark selected reviewed
      </SubmitButton>
      <div className="basis-full">
        <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      </div>
    </form>
  );
}
