import { z } from "zod";

/**
 * The one set of rules every piece of free text goes through before it is
 * stored: forms, Server Actions, answers and template definitions alike.
 *
 * - Control characters (C0, DEL, C1) are refused: a NUL byte cannot be stored
 *   in PostgreSQL at all, and the others hide text or break exports. Multi-line
 *   fields keep their line breaks and tabs; browsers send CRLF, which becomes LF.
 * - Lone surrogates (half of an emoji) are not valid Unicode and cannot be
 *   encoded as UTF-8.
 * - Bidirectional overrides and isolates can make a name or note read
 *   differently from what was stored ("Trojan Source").
 * - Text is stored NFC-normalised, so "é" typed two ways is the same text.
 *
 * Pure (no server-only imports): forms, the portal and the template builder
 * may use it too.
 */

export const TEXT_MESSAGES = {
  control: "Remove the invisible control characters from this field.",
  surrogate: "This text has a broken character in it (often half of an emoji). Please retype it.",
  bidi: "Remove the hidden text-direction characters from this field.",
  visible: "Use at least one letter or number.",
  text: "Please enter text.",
} as const;

// C0 except tab/newline/carriage return are refused everywhere; tab, newline
// and CR only in single-line fields.
const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// A letter, a number or a symbol (emoji included): something a person can see.
const VISIBLE = /[\p{L}\p{N}\p{S}]/u;
// Zero-width spaces and joiners, word joiner and BOM, plus white space, at either end of a name.
const EDGE_INVISIBLES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

export type TextShape = { multiline?: boolean };

/** Line breaks as LF (a browser submits a textarea's as CRLF), then NFC. */
export function normalizeText(value: string, { multiline = false }: TextShape = {}): string {
  const lines = multiline ? value.replace(/\r\n?/g, "\n") : value;
  // normalize() leaves lone surrogates as they are; they are refused afterwards.
  return lines.normalize("NFC");
}

/** Why a text would be refused, or null when it is clean. Checks characters only, not length. */
export function textProblem(value: string, { multiline = false }: TextShape = {}): string | null {
  if ((multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value)) return TEXT_MESSAGES.control;
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (BIDI_CONTROL.test(value)) return TEXT_MESSAGES.bidi;
  return null;
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

function characters(limit: number): string {
  return `${limit.toLocaleString("en-US")} character${limit === 1 ? "" : "s"}`;
}

/** "Use at most 100 characters." — the default wording of a field's limit. */
export function maxLengthMessage(limit: number): string {
  return `Use at most ${characters(limit)}.`;
}

export type TextFieldOptions = TextShape & {
  /** Every field has one; the message names it. */
  max: number;
  maxMessage?: string;
  /** Message when the value is not a string at all (or missing). */
  typeMessage?: string;
  /** Trim surrounding white space (default true; passwords and tokens are not text). */
  trim?: boolean;
};

/**
 * A string that is normalised, trimmed and checked for unsafe characters and
 * for its limit. Chain `.min(1, "…")` for a required field. The character
 * checks abort, so a field reports the most specific problem only.
 */
export function textField({ max, maxMessage, typeMessage, multiline = false, trim = true }: TextFieldOptions) {
  let schema = z.string(typeMessage ? { error: typeMessage } : undefined).overwrite((value) => normalizeText(value, { multiline }));
  if (trim) schema = schema.trim();
  return schema
    .check(cleanTextCheck({ multiline }))
    .max(max, { error: maxMessage ?? maxLengthMessage(max), abort: true });
}

/** The character rules as a zod check, for schemas built elsewhere (answers, template fields). */
export function cleanTextCheck(shape: TextShape = {}) {
  return z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, shape);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value, continue: false });
  });
}

/**
 * A person's or practice's name: one line, at least one visible character
 * (a name of only spaces or zero-width characters is refused).
 */
export function nameField({ max, maxMessage, requiredMessage }: { max: number; maxMessage?: string; requiredMessage: string }) {
  return textField({ max, maxMessage, typeMessage: requiredMessage })
    .overwrite((value) => value.replace(EDGE_INVISIBLES, ""))
    .min(1, { error: requiredMessage, abort: true })
    .refine(hasVisibleCharacter, { error: TEXT_MESSAGES.visible });
}

/**
 * Secrets (passwords, tokens) are compared byte for byte, so they are neither
 * trimmed nor normalised; they still follow the character rules (nothing a
 * keyboard types is refused by them).
 */
export function secretField({ max, typeMessage, maxMessage }: { max: number; typeMessage?: string; maxMessage?: string }) {
  return z
    .string(typeMessage ? { error: typeMessage } : undefined)
    .check(
      z.superRefine<string>((value, ctx) => {
        const problem = textProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem, input: value, continue: false });
      }),
    )
    .max(max, { error: maxMessage ?? maxLengthMessage(max), abort: true });
}

/**
 * A search box's text from the URL (`?q=`): never refused (a bad link should
 * still show the page), but cleaned: unsafe characters dropped, NFC, trimmed
 * and cut to `max`. Anything that is not one string (missing, repeated) is "".
 */
export function searchTextField(max: number) {
  return z
    .unknown()
    .optional()
    .transform((value) => (typeof value === "string" ? cleanSearchText(value, max) : ""));
}

export function cleanSearchText(value: string, max: number): string {
  const cleaned = value
    .slice(0, max * 4)
    .replace(new RegExp(`${SINGLE_LINE_CONTROL.source}|${LONE_SURROGATE.source}|${BIDI_CONTROL.source}`, "g"), " ")
    .normalize("NFC")
    .trim();
  // Cut at a code point boundary, so the cut never leaves half an emoji.
  return Array.from(cleaned).slice(0, max).join("").trim();
}

/**
 * Record ids as the database makes them (cuid) or the bench seeds them: short,
 * ASCII letters, digits, `_` and `-`. Anything else (a NUL byte, a path, a
 * megabyte of text) is refused before it reaches a query.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idField = z.string().regex(ID_PATTERN);

/** An id chosen in a form (a select, a checkbox): the message says what to choose. */
export const idFieldWith = (message: string) => z.string({ error: message }).regex(ID_PATTERN, { error: message });

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
