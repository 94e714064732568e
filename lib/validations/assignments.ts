import { z } from "zod";
import { addDays, isLocalDate, maxDate } from "@/lib/dates/local-date";
import { idField, idFieldWith, textField } from "./text";

const localDate = (message: string) => z.string({ message }).trim().max(10, message).refine(isLocalDate, message);

const optionalLocalDate = (message: string) =>
  z
    .string()
    .trim()
    .max(10, message)
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || isLocalDate(value), message);

export const SCHEDULE_TYPES = ["ONCE", "DAILY", "WEEKLY", "DAILY_FOR_N_DAYS"] as const;

/**
 * How far ahead a start date may be, and how long after the start a due or
 * end date. A start date in the past is moved to the client's today when the
 * homework is assigned (lib/assignments/create-assignments.ts), so the past
 * needs only a sanity floor; a window relative to today would also make every
 * test with a fixed date expire.
 */
export const DAYS_AHEAD = 2 * 366;
export const EARLIEST_DATE = "2000-01-01";
export const MAX_DAY_COUNT = 365;

export const assignmentNoteField = textField({ max: 1000, multiline: true, maxMessage: "Keep the note under 1,000 characters." })
  .optional()
  .transform((value) => (value ? value : null));

/** Today's date in UTC; the windows are wide enough that the client's own time zone does not matter here. */
const utcToday = () => new Date().toISOString().slice(0, 10);

export const assignSchema = z
  .object({
    templateId: idFieldWith("Choose an exercise."),
    clientIds: z
      .array(idField, { message: "Choose at least one client." })
      .min(1, "Choose at least one client.")
      .max(100, "Assign to at most 100 clients at once."),
    note: assignmentNoteField,
    scheduleType: z.enum(SCHEDULE_TYPES, { message: "Choose how often." }),
    startDate: localDate("Choose a start date."),
    dueDate: optionalLocalDate("Choose a valid due date."),
    endDate: optionalLocalDate("Choose a valid end date."),
    weekdays: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]),
    dayCount: z
      .union([z.literal(""), z.coerce.number({ message: "Enter a number of days." })])
      .optional()
      .transform((value) => (value === "" || value === undefined ? undefined : value)),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // A malformed start date was reported on its field already; the windows apply to real dates only.
    const today = utcToday();
    const startOk = isLocalDate(value.startDate);
    if (startOk && value.startDate < EARLIEST_DATE) issue("startDate", "Choose a start date from this year.");
    else if (startOk && value.startDate > addDays(today, DAYS_AHEAD)) issue("startDate", "Choose a start date within the next two years.");
    const latest = addDays(startOk ? maxDate(value.startDate, today) : today, DAYS_AHEAD);
    switch (value.scheduleType) {
      case "ONCE":
        if (!value.dueDate) issue("dueDate", "Choose a due date.");
        else if (value.dueDate < value.startDate) issue("dueDate", "The due date can’t be before the start date.");
        else if (value.dueDate > latest) issue("dueDate", "Choose a due date within two years of the start date.");
        break;
      case "WEEKLY":
        if (value.weekdays.length === 0) issue("weekdays", "Choose at least one day of the week.");
        break;
      case "DAILY_FOR_N_DAYS":
        if (value.dayCount === undefined) issue("dayCount", "Enter for how many days.");
        else if (!Number.isInteger(value.dayCount) || value.dayCount < 1 || value.dayCount > MAX_DAY_COUNT)
          issue("dayCount", "Choose a whole number of days from 1 to 365.");
        break;
      case "DAILY":
        break;
    }
    if (value.endDate && value.endDate < value.startDate) issue("endDate", "The end date can’t be before the start date.");
    else if (value.endDate && value.endDate > latest) issue("endDate", "Choose an end date within two years of the start date.");
  });

export type AssignInput = z.output<typeof assignSchema>;

export const updateAssignmentSchema = z.object({
  assignmentId: idField,
  note: assignmentNoteField,
  endDate: optionalLocalDate("Choose a valid end date.").refine(
    (value) => value === undefined || value <= addDays(utcToday(), 2 * DAYS_AHEAD),
    "Choose an end date within the next four years.",
  ),
});

export const assignmentStatusChangeSchema = z.object({
  assignmentId: idField,
  change: z.enum(["pause", "resume", "end"]),
});
