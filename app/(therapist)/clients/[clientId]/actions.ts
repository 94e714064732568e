"use server";

import { revalidatePath } from "next/cache";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { changeAssignmentStatus, updateAssignmentDetails } from "@/lib/assignments/change-assignment";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { assignmentStatusChangeSchema, assignSchema, updateAssignmentSchema } from "@/lib/validations/assignments";

export async function assignAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = assignSchema.safeParse({
    ...values,
    clientIds: formData.getAll("clientIds").map(String),
    weekdays: formData.getAll("weekdays").map(String),
  });
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    const created = await createAssignments(scope, parsed.data);
    for (const clientId of new Set(created.map((row) => row.clientId))) revalidatePath(`/clients/${clientId}`);
    return { ok: true, message: created.length === 1 ? "Assigned." : `Assigned to ${created.length} clients.` };
  } catch (error) {
    return failureFrom(error, values);
  }
}

export async function changeAssignmentAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const parsed = assignmentStatusChangeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await changeAssignmentStatus(scope, parsed.data.assignmentId, parsed.data.change);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/clients", "layout");
  return { ok: true };
}

export async function updateAssignmentAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = updateAssignmentSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await updateAssignmentDetails(scope, parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  revalidatePath("/clients", "layout");
  return { ok: true, message: "Saved." };
}
