import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";

export const emailField = z
  .string({ message: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }))
  .transform((value) => value.toLowerCase());

export const newPasswordField = z
  .string({ message: "Choose a password." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");

export const personNameField = z
  .string({ message: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

export const timeZoneField = z
  .string({ message: "Choose a time zone." })
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list.");
