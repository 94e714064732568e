import { z } from "zod";
import { idField, textField } from "@/lib/validations/text";

export const REPLY_MAX_LENGTH = 2000;

// Shared by the portal's reply form and its action.
export const replySchema = z.object({
  feedbackId: idField,
  body: textField({
    max: REPLY_MAX_LENGTH,
    multiline: true,
    typeMessage: "Write a few words before sending.",
    maxMessage: "Please keep your reply under 2,000 characters.",
  }).min(1, "Write a few words before sending."),
});

export type ReplyInput = z.output<typeof replySchema>;
