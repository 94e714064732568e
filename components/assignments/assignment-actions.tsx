"use client";

import { useActionState } from "react";
import { changeAssignmentAction, updateAssignmentAction } from "@/lib/assignments/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError } from "@/components/ui/form-state";

export function AssignmentStatusButtons({ assignmentId, status }: { assignmentId: string; status: "ACTIVE" | "PAUSED" | "ENDED" }) {
  const [state, action] = useActionState(changeAssignmentAction, null);
  if (status === "ENDED") return null;
  return (
    <div className="flex flex-wrap gap-2">
      <form action={action}>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="change" value={status === "ACTIVE" ? "pause" : "resume"} />
        <SubmitButton variant="secondary">{status === "ACTIVE" ? "Pause" : "Resume"}</SubmitButton>
      </form>
      <form action={action}>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="change" value="end" />
        <SubmitButton variant="danger">End</SubmitButton>
      </form>
      <FormAlert message={formError(state)} />
    </div>
  );
}

export function EditAssignmentForm({ assignmentId, note, endDate, canEnd }: { assignmentId: string; note: string | null; endDate: string | null; canEnd: boolean }) {
  const [state, action] = useActionState(updateAssignmentAction, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Edit note{canEnd ? " or end date" : ""}</summary>
      <form action={action} noValidate className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <TextAreaField label="Note to the client" name="note" rows={2} defaultValue={note ?? ""} error={fieldError(state, "note")} />
        {canEnd ? <TextField label="End date" name="endDate" type="date" defaultValue={endDate ?? ""} error={fieldError(state, "endDate")} /> : null}
        <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
        <SubmitButton variant="secondary">Save</SubmitButton>
      </form>
    </details>
  );
}
