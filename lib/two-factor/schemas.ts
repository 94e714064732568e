import { z } from "zod";
import { readSecondFactorCode } from "./recovery-codes";

const ENTER_CODE = "Enter the 6-digit code from your authenticator app.";

/** A 6-digit authenticator code (spaces allowed, as some apps show "123 456"). */
export const totpCodeField = z
  .string({ message: ENTER_CODE })
  .max(20, ENTER_CODE)
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, ENTER_CODE));

/** An authenticator code or a recovery code. */
export const secondFactorCodeField = z
  .string({ message: "Enter a code from your authenticator app, or a recovery code." })
  .trim()
  .min(1, "Enter a code from your authenticator app, or a recovery code.")
  .max(40, "That doesn't look like a code. Check it and try again.")
  .refine((value) => readSecondFactorCode(value) !== null, "That doesn't look like a code. Check it and try again.");

export const confirmEnrolmentSchema = z.object({ code: totpCodeField });

export const regenerateRecoveryCodesSchema = z.object({ code: secondFactorCodeField });

export const disableTwoFactorSchema = z.object({
  password: z.string({ message: "Enter your password." }).min(1, "Enter your password.").max(200),
  code: secondFactorCodeField,
});

export const practiceRequirementSchema = z.object({
  requireTwoFactor: z.enum(["on", "off"], { message: "Choose whether two-step sign-in is required." }),
});
