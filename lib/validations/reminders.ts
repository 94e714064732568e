import { z } from "zod";

/** "HH:MM", 24-hour, 00:00–23:59: what `<input type="time">` submits. */
export const REMINDER_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const TIME_MESSAGE = "Choose a time like 18:30.";

// The checkbox decides on/off; the time only matters (and is only checked)
// when it is on, so switching reminders off never fails on a stale time.
export const reminderPreferenceSchema = z
  .object({
    enabled: z.literal("on").optional(),
    reminderTime: z.string().trim().max(10, TIME_MESSAGE).optional(),
  })
  .superRefine((value, context) => {
    if (value.enabled && !REMINDER_TIME_PATTERN.test(value.reminderTime ?? "")) {
      context.addIssue({ code: "custom", path: ["reminderTime"], message: TIME_MESSAGE });
    }
  })
  .transform((value) => ({ reminderTime: value.enabled ? (value.reminderTime ?? null) : null }));

export type ReminderPreference = z.output<typeof reminderPreferenceSchema>;
