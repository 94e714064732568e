import { z } from "zod";

export const feedbackSchema = z.object({
  submissionId: z.string().min(1).max(64),
  body: z
    .string({ message: "Write a few words of feedback." })
    .trim()
    .min(1, "Write a few words of feedback.")
    .max(5000, "Keep feedback under 5,000 characters."),
});

export const reviewedSchema = z.object({
  submissionId: z.string().min(1).max(64),
  reviewed: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const acknowledgeFlagSchema = z.object({
  flagId: z.string().min(1).max(64),
  note: z
    .string()
    .trim()
    .max(2000, "Keep the note under 2,000 characters.")
    .optional()
    .transform((value) => (value ? value : null)),
});
