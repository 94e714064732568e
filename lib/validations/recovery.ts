import { z } from "zod";
import { whenTexts } from "./auth";
import { emailField, newPasswordField } from "./fields";

// Tokens from links: 43 base64url characters (256 bits); anything else is not ours.
const linkToken = z.string({ message: "This link is incomplete." }).min(1, "This link is incomplete.").max(200);

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: linkToken,
    password: newPasswordField,
    confirmPassword: z.string({ message: "Type the password again." }).max(200),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
    when: whenTexts("password", "confirmPassword"),
  });

export const confirmAccountSchema = z.object({
  token: linkToken,
  // The password chosen a moment ago: checked against the stored hash, not judged again.
  password: z.string({ message: "Enter the password you chose." }).min(1, "Enter the password you chose.").max(200),
});
