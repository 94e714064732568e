import { z } from "zod";
import { idField, textField } from "./text";

export const FEEDBACK_MAX_LENGTH = 5000;
export const FLAG_NOTE_MAX_LENGTH = 2000;

export const feedbackSchema = z.object({
  submissionId: idField,
  body: textField({
    max: FEEDBACK_MAX_LENGTH,
    multiline: true,
    typeMessage: "Write a few words of feedback.",
    maxMessage: "Keep feedback under 5,000 characters.",
  }).min(1, "Write a few words of feedback."),
});

export const reviewedSchema = z.object({
  submissionId: idField,
  reviewed: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const acknowledgeFlagSchema = z.object({
  flagId: idField,
  note: textField({ max: FLAG_NOTE_MAX_LENGTH, multiline: true, maxMessage: "Keep the note under 2,000 characters." })
    .optional()
    .transform((value) => (value ? value : null)),
});
