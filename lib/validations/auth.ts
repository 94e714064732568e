import { z } from "zod";
import { currentPasswordField, emailField, newPasswordField, personNameField, timeZoneField } from "./fields";
import { nameField, secretField } from "./text";

export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField("Enter your password."),
});

export const signUpSchema = z.object({
  name: personNameField,
  practiceName: nameField({ max: 120, requiredMessage: "Enter your practice's name." }),
  email: emailField,
  password: newPasswordField,
  timeZone: timeZoneField,
});

const confirmation = (message: string) => secretField({ max: 200, typeMessage: message });

export const acceptInvitationSchema = z
  .object({
    token: secretField({ max: 200 }).min(1),
    password: newPasswordField,
    confirmPassword: confirmation("Type the password again."),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordField("Enter your current password."),
    newPassword: newPasswordField,
    confirmPassword: confirmation("Type the new password again."),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
