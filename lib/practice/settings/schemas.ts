import { z } from "zod";
import { REMINDER_TIME_PATTERN } from "@/lib/validations/reminders";
import { nameField } from "@/lib/validations/text";

export const ESCALATE_MIN_HOURS = 1;
export const ESCALATE_MAX_HOURS = 336;
const HOURS_MESSAGE = `Enter a whole number of hours from ${ESCALATE_MIN_HOURS} to ${ESCALATE_MAX_HOURS} (two weeks).`;

export const practiceSettingsSchema = z.object({
  name: nameField({ max: 120, requiredMessage: "Enter the practice's name." }),
  // Empty: no suggested reminder time.
  defaultReminderTime: z
    .string({ error: "Choose a time like 18:30, or leave it empty." })
    .trim()
    .max(10, "Choose a time like 18:30, or leave it empty.")
    .refine((value) => value === "" || REMINDER_TIME_PATTERN.test(value), "Choose a time like 18:30, or leave it empty.")
    .transform((value) => value || null),
  escalateAfterHours: z
    .string({ error: HOURS_MESSAGE })
    .trim()
    .regex(/^\d{1,3}$/, HOURS_MESSAGE)
    .transform(Number)
    .refine((hours) => hours >= ESCALATE_MIN_HOURS && hours <= ESCALATE_MAX_HOURS, HOURS_MESSAGE),
});

export type PracticeSettingsInput = z.output<typeof practiceSettingsSchema>;
