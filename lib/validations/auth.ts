import { z } from "zod";
import { emailField, newPasswordField, personNameField, timeZoneField } from "./fields";

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ message: "Enter your password." }).min(1, "Enter your password.").max(200),
});

export const signUpSchema = z.object({
  name: personNameField,
  practiceName: z
    .string({ message: "Enter your practice's name." })
    .trim()
    .min(1, "Enter your practice's name.")
    .max(120, "Use at most 120 characters."),
  email: emailField,
  password: newPasswordField,
  timeZone: timeZoneField,
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordField,
    confirmPassword: z.string({ message: "Type the password again." }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: newPasswordField,
    confirmPassword: z.string({ message: "Type the new password again." }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
