// The zod schemas for crisis lines (a practice's own, as saved and as read
// back). Server side only; the data and helpers are in crisis-resources.ts.
import { z } from "zod";
import { nameField, textField } from "@/lib/validations/text";
import { COUNTRY_KEY, MAX_LINES_PER_COUNTRY, type CrisisLine, type CrisisLinesByCountry } from "./crisis-resources";

const MAX_COUNTRIES = 60;

export const CRISIS_LINE_MESSAGES = {
  phone: "Use digits, spaces, + ( ) and - only, with at least three digits.",
  empty: "Add a phone number or a few words (or both).",
  country: "Choose a country.",
  lines: "Add at least one line.",
  tooMany: `Use at most ${MAX_LINES_PER_COUNTRY} lines per country.`,
} as const;

// A number people can dial: digits with the usual separators, at least 3 digits
// (emergency numbers are three), no letters ("1800RESPECT" is written as digits).
const PHONE = /^\+?[0-9][0-9 ()\-.]{1,28}$/;

const phoneField = z
  .string()
  .trim()
  .max(30, { error: CRISIS_LINE_MESSAGES.phone })
  .refine((value) => value === "" || (PHONE.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 3), {
    error: CRISIS_LINE_MESSAGES.phone,
  });

export const crisisLineSchema = z
  .object({
    name: nameField({ max: 100, requiredMessage: "Give this line a name." }),
    phone: phoneField.optional(),
    text: textField({ max: 300 }).optional(),
  })
  .transform(({ name, phone, text }) => {
    const line: CrisisLine = { name };
    if (phone) line.phone = phone;
    if (text) line.text = text;
    return line;
  })
  .refine((line) => Boolean(line.phone || line.text), { error: CRISIS_LINE_MESSAGES.empty, path: ["phone"] });

export const countryLinesSchema = z
  .array(crisisLineSchema)
  .min(1, { error: CRISIS_LINE_MESSAGES.lines })
  .max(MAX_LINES_PER_COUNTRY, { error: CRISIS_LINE_MESSAGES.tooMany });

/** Practice.crisisLines as stored: checked on every write and on every read. */
export const crisisLinesSchema = z
  .record(z.string().regex(COUNTRY_KEY), countryLinesSchema)
  .refine((value) => Object.keys(value).length <= MAX_COUNTRIES, { error: `At most ${MAX_COUNTRIES} countries.` });

/**
 * The practice's stored lines, or null when there are none or they do not
 * pass the schema (a row written by hand, an older shape): the client then
 * sees the built-in lines rather than an error page.
 */
export function parseStoredCrisisLines(stored: unknown): CrisisLinesByCountry | null {
  if (stored === null || stored === undefined) return null;
  const parsed = crisisLinesSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

