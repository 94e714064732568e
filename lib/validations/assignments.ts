import { z } from "zod";
import { isLocalDate } from "@/lib/dates/local-date";

const localDate = (message: string) =>
  z.string({ message }).trim().refine(isLocalDate, message);

const optionalLocalDate = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || isLocalDate(value), message);

export const SCHEDULE_TYPES = ["ONCE", "DAILY", "WEEKLY", "DAILY_FOR_N_DAYS"] as const;

export const assignmentNoteField = z
  .string()
  .trim()
  .max(1000, "Keep the note under 1,000 characters.")
  .optional()
  .transform((value) => (value ? value : null));

export const assignSchema = z
  .object({
    templateId: z.string({ message: "Choose an exercise." }).min(1, "Choose an exercise."),
    clientIds: z
      .array(z.string().min(1).max(64), { message: "Choose at least one client." })
      .min(1, "Choose at least one client.")
      .max(100, "Assign to at most 100 clients at once."),
    note: assignmentNoteField,
    scheduleType: z.enum(SCHEDULE_TYPES, { message: "Choose how often." }),
    startDate: localDate("Choose a start date."),
    dueDate: optionalLocalDate("Choose a valid due date."),
    endDate: optionalLocalDate("Choose a valid end date."),
    weekdays: z.array(z.coerce.number().int().min(0).max(6)).default([]),
    dayCount: z
      .union([z.literal(""), z.coerce.number({ message: "Enter a number of days." })])
      .optional()
      .transform((value) => (value === "" || value === undefined ? undefined : value)),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    switch (value.scheduleType) {
      case "ONCE":
        if (!value.dueDate) issue("dueDate", "Choose a due date.");
        else if (value.dueDate < value.startDate) issue("dueDate", "The due date can’t be before the start date.");
        break;
      case "WEEKLY":
        if (value.weekdays.length === 0) issue("weekdays", "Choose at least one day of the week.");
        break;
      case "DAILY_FOR_N_DAYS":
        if (value.dayCount === undefined) issue("dayCount", "Enter for how many days.");
        else if (!Number.isInteger(value.dayCount) || value.dayCount < 1 || value.dayCount > 365)
          issue("dayCount", "Choose a whole number of days from 1 to 365.");
        break;
      case "DAILY":
        break;
    }
    if (value.endDate && value.endDate < value.startDate) issue("endDate", "The end date can’t be before the start date.");
  });

export type AssignInput = z.output<typeof assignSchema>;

export const updateAssignmentSchema = z.object({
  assignmentId: z.string().min(1).max(64),
  note: assignmentNoteField,
  endDate: optionalLocalDate("Choose a valid end date."),
});

export const assignmentStatusChangeSchema = z.object({
  assignmentId: z.string().min(1).max(64),
  change: z.enum(["pause", "resume", "end"]),
});
