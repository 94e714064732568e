"use server";

import { revalidatePath } from "next/cache";
import { therapistAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { assignmentStatusChangeSchema, assignSchema, updateAssignmentSchema } from "@/lib/validations/assignments";
import { changeAssignmentStatus, updateAssignmentDetails } from "./change-assignment";
import { createAssignments } from "./create-assignments";

export async function assignAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return assign(formData);
}

const assign = therapistAction(
  assignSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    const created = await createAssignments(scope, data);
    for (const clientId of new Set(created.map((row) => row.clientId))) revalidatePath(`/clients/${clientId}`);
    return { ok: true, message: created.length === 1 ? "Assigned." : `Assigned to ${created.length} clients.` };
  },
  {
    echo: true,
    input: (formData) => ({
      ...formValues(formData),
      clientIds: formData.getAll("clientIds").map(String),
      weekdays: formData.getAll("weekdays").map(String),
    }),
  },
);

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
