import { z } from "zod";
import { idField, textField } from "@/lib/validations/text";

export const SUPERVISION_NOTE_MAX_LENGTH = 5000;

export const supervisionNoteSchema = z.object({
  clientId: idField,
  body: textField({
    max: SUPERVISION_NOTE_MAX_LENGTH,
    multiline: true,
    typeMessage: "Write the note first.",
    maxMessage: "Keep the note under 5,000 characters.",
  }).min(1, "Write the note first."),
});

export type SupervisionNoteInput = z.output<typeof supervisionNoteSchema>;
