"use server";

import { revalidatePath } from "next/cache";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { requireClient } from "@/lib/auth/session";
import { reminderPreferenceSchema, type ReminderPreference } from "@/lib/validations/reminders";
import { updateReminderPreference } from "./update-reminder-preference";

export type ReminderFormState = FormState<ReminderPreference>;

export async function updateReminderAction(
  _previous: ReminderFormState,
  formData: FormData,
): Promise<ActionResult<ReminderPreference>> {
  const client = await requireClient();
  const values = formValues(formData);
  const parsed = reminderPreferenceSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  let saved: ReminderPreference;
  try {
    saved = await updateReminderPreference({ clientId: client.clientId, userId: client.userId }, parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  revalidatePath("/portal/account");
  return {
    ok: true,
    ...saved,
    message: saved.reminderTime
      ? `Saved. On days something is due, we'll email you at ${saved.reminderTime}.`
      : "Saved. Reminders are off.",
  };
}
