import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";
import { passwordWeakness } from "./password-strength";
import { nameField, secretField, TEXT_MESSAGES, textProblem } from "./text";

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const PERSON_NAME_MAX_LENGTH = 100;

export const emailField = z
  .string({ message: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(EMAIL_MAX_LENGTH, `That email address is too long (at most ${EMAIL_MAX_LENGTH} characters).`)
  .superRefine((value, ctx) => {
    // Said plainly before the format check, which would only call it "not valid".
    if (textProblem(value)) ctx.addIssue({ code: "custom", message: TEXT_MESSAGES.control, continue: false });
  })
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }))
  .transform((value) => value.toLowerCase());

/** A password someone is choosing: long enough and not among the easily guessed (server-only check). */
export const newPasswordField = secretField({
  max: PASSWORD_MAX_LENGTH,
  typeMessage: "Choose a password.",
  maxMessage: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
})
  // Not aborting, so a form's "passwords do not match" still shows beside it;
  // the guessability check below skips what is already too short instead.
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .superRefine((value, ctx) => {
    if (value.length < PASSWORD_MIN_LENGTH) return;
    const weakness = passwordWeakness(value);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });

/** A password typed to prove who someone is (sign-in, current password): no rules beyond a limit. */
export const currentPasswordField = (requiredMessage: string) =>
  secretField({ max: PASSWORD_MAX_LENGTH, typeMessage: requiredMessage }).min(1, { error: requiredMessage, abort: true });

export const personNameField = nameField({
  max: PERSON_NAME_MAX_LENGTH,
  requiredMessage: "Enter a name.",
});

export const timeZoneField = z
  .string({ message: "Choose a time zone." })
  .trim()
  .max(64, "Choose a time zone from the list.")
  .refine(isTimeZone, "Choose a time zone from the list.");
