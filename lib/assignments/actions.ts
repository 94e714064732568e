"use server";

import { revalidatePath } from "next/cache";
import { therapistAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { assignmentStatusChangeSchema, updateAssignmentSchema } from "@/lib/validations/assignments";
import { assignFormInput, assignManySchema } from "./assign-many-schema";
import { changeAssignmentStatus, updateAssignmentDetails } from "./change-assignment";
import { createAssignmentBatch } from "./create-assignments";

export async function assignAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return assign(formData);
}

// One or several exercises, each with its schedule, to the chosen clients in
// one transaction. The form's request key makes a double click assign once.
const assign = therapistAction(
  assignManySchema,
  async ({ scope }, data): Promise<ActionResult> => {
    const created = await createAssignmentBatch(scope, data);
    for (const clientId of new Set(created.map((row) => row.clientId))) revalidatePath(`/clients/${clientId}`);
    return { ok: true, message: assignedMessage(data.items.length, new Set(created.map((row) => row.clientId)).size) };
  },
  { input: assignFormInput },
);

function assignedMessage(exercises: number, clients: number): string {
  if (exercises === 1) return clients === 1 ? "Assigned." : `Assigned to ${clients} clients.`;
  return clients === 1 ? `Assigned ${exercises} exercises.` : `Assigned ${exercises} exercises to ${clients} clients each.`;
}

export async function changeAssignmentAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return change(formData);
}

const change = therapistAction(
  assignmentStatusChangeSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await changeAssignmentStatus(scope, data.assignmentId, data.change);
    return { ok: true };
  },
  { revalidate: [["/clients", "layout"]] },
);

export async function updateAssignmentAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return update(formData);
}

const update = therapistAction(
  updateAssignmentSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await updateAssignmentDetails(scope, data);
    return { ok: true, message: "Saved." };
  },
  { echo: true, input: formValues, revalidate: [["/clients", "layout"]] },
);
