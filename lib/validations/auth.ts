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

/**
 * Runs a cross-field check even when another field already failed (a too
 * short password), so both messages show at once; zod would otherwise skip
 * it. Only when the fields compared are both text.
 */
export const whenTexts =
  (...keys: string[]) =>
  (payload: { value: unknown }) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    keys.every((key) => typeof (payload.value as Record<string, unknown>)[key] === "string");

export const acceptInvitationSchema = z
  .object({
    token: secretField({ max: 200 }).min(1),
    password: newPasswordField,
    confirmPassword: confirmation("Type the password again."),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
    when: whenTexts("password", "confirmPassword"),
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
    when: whenTexts("newPassword", "confirmPassword"),
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
