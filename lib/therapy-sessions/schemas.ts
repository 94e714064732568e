// What the session forms send, shared by the forms and the actions. Pure
// (no server-only imports). Whether a date is too far back or ahead depends
// on the clinician's "today", so add-sessions.ts checks that part.
import { z } from "zod";
import { isLocalDate } from "@/lib/dates/local-date";
import { idFieldWith, textField } from "@/lib/validations/text";

import { DURATION_MAX, DURATION_MIN, SESSION_NOTE_MAX } from "./limits";

export { DURATION_MAX, DURATION_MIN, RECURRENCE_LABELS, SESSION_NOTE_MAX } from "./limits";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;


export const addSessionSchema = z.object({
  clientId: idFieldWith("Choose a client."),
  date: z.string({ error: "Enter the date." }).refine(isLocalDate, { error: "Enter a real date." }),
  time: z.string({ error: "Enter the time." }).regex(TIME, { error: "Enter a time like 15:00." }),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes." })
    .int({ error: "Use whole minutes." })
    .min(DURATION_MIN, { error: `A session is at least ${DURATION_MIN} minutes.` })
    .max(DURATION_MAX, { error: `A session is at most ${DURATION_MAX} minutes (8 hours).` }),
  recurrence: z.enum(["NONE", "WEEKLY", "FORTNIGHTLY"], { error: "Choose how often it repeats." }),
});
export type AddSessionInput = z.infer<typeof addSessionSchema>;

export const cancelSessionSchema = z.object({
  sessionId: idFieldWith("Choose a session."),
  which: z.enum(["one", "rest"], { error: "Choose which sessions to cancel." }),
});
export type CancelSessionInput = z.infer<typeof cancelSessionSchema>;

export const sessionNoteSchema = z.object({
  sessionId: idFieldWith("Choose a session."),
  body: textField({ max: SESSION_NOTE_MAX, multiline: true, typeMessage: "Write the note." }).min(1, { error: "Write the note, or leave the page." }),
});
export type SessionNoteInput = z.infer<typeof sessionNoteSchema>;
