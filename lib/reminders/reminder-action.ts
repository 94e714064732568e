"use server";

import { clientAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { reminderPreferenceSchema, type ReminderPreference } from "@/lib/validations/reminders";
import { updateReminderPreference } from "./update-reminder-preference";

export type ReminderFormState = FormState<ReminderPreference>;

export async function updateReminderAction(
  _previous: ReminderFormState,
  formData: FormData,
): Promise<ActionResult<ReminderPreference>> {
  return updateReminder(formData);
}

const updateReminder = clientAction(
  reminderPreferenceSchema,
  async ({ identity }, data): Promise<ActionResult<ReminderPreference>> => {
    const saved = await updateReminderPreference({ clientId: identity.clientId, userId: identity.userId }, data);
    return {
      ok: true,
      ...saved,
      message: saved.reminderTime
        ? `Saved. On days something is due, we'll email you at ${saved.reminderTime}.`
        : "Saved. Reminders are off.",
    };
  },
  { echo: true, input: formValues, revalidate: ["/portal/account"] },
);
