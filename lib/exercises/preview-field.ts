import { FIELD_KEY_PATTERN, MAX_LONG_TEXT_LENGTH, NUMBER_LIMIT, TIMER_PATTERNS, YES_PARTLY_NO_ANSWERS } from "./constants";
import type { FieldDefinition } from "./field-types";
import { hasStrayBraces, listScriptBlanks } from "./script-template";

/**
 * The builder's live preview, without zod (it runs in the therapist's
 * browser, where zod's compiled parsers trip the Content-Security-Policy):
 * a question the therapist is still typing becomes a FieldDefinition once it
 * is complete enough to show, with the same defaults as the field schemas in
 * fields.ts, or null while it is unfinished. Saving still checks everything
 * with those schemas on the server; tests/unit/exercises/preview-field.test.ts
 * keeps the two in step on every built-in question.
 */

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isInteger(value);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const OPTION_VALUE = /^[a-z0-9][a-z0-9_]*$/;

/** Trimmed text of 1..max characters, or null. */
function text(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
}

/** Absent stays absent; present must be valid (undefined marks invalid, unlike "absent"). */
function optionalText(data: Data, name: string, max: number): { ok: boolean; value?: string } {
  if (data[name] === undefined) return { ok: true };
  if (typeof data[name] !== "string" || (data[name] as string).trim().length > max) return { ok: false };
  const value = (data[name] as string).trim();
  return value ? { ok: true, value } : { ok: false };
}

function intIn(value: unknown, min: number, max: number, fallback?: number): number | null {
  if (value === undefined && fallback !== undefined) return fallback;
  return isInt(value) && value >= min && value <= max ? value : null;
}

function only<T extends Data>(entries: T): T {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;
}

function common(data: Data) {
  const key = typeof data.key === "string" && data.key.length <= 64 && FIELD_KEY_PATTERN.test(data.key) ? data.key : null;
  const label = text(data.label, 200);
  const help = optionalText(data, "help", 500);
  const required = data.required === undefined ? true : typeof data.required === "boolean" ? data.required : null;
  if (!key || !label || !help.ok || required === null) return null;
  return only({ key, label, help: help.value, required });
}

function answerInRule(data: Data, allowed: readonly string[]): { ok: boolean; value?: { whenAnswerIn: string[] } } {
  if (data.safety === undefined) return { ok: true };
  const values = isRecord(data.safety) ? data.safety.whenAnswerIn : undefined;
  if (!Array.isArray(values) || values.length === 0 || values.length > 30) return { ok: false };
  if (!values.every((value) => typeof value === "string" && allowed.includes(value))) return { ok: false };
  return { ok: true, value: { whenAnswerIn: values as string[] } };
}

function atLeastRule(data: Data, min: number, max: number): { ok: boolean; value?: { whenAtLeast: number } } {
  if (data.safety === undefined) return { ok: true };
  const threshold = isRecord(data.safety) ? data.safety.whenAtLeast : undefined;
  if (!isNumber(threshold) || threshold < min || threshold > max) return { ok: false };
  return { ok: true, value: { whenAtLeast: threshold } };
}

function options(data: Data, scored: boolean) {
  const list = data.options;
  if (!Array.isArray(list) || list.length < 2 || list.length > 30) return null;
  const parsed = list.map((option) => {
    if (!isRecord(option)) return null;
    const value = typeof option.value === "string" && option.value.length <= 64 && OPTION_VALUE.test(option.value) ? option.value : null;
    const label = text(option.label, 200);
    const score = option.score;
    if (!value || !label) return null;
    if (score !== undefined && (!scored || !isNumber(score) || score < -1000 || score > 1000)) return null;
    return only({ value, label, score: score as number | undefined });
  });
  if (parsed.some((option) => option === null)) return null;
  const result = parsed as { value: string; label: string; score?: number }[];
  if (new Set(result.map((option) => option.value)).size !== result.length) return null;
  const withScore = result.filter((option) => option.score !== undefined).length;
  if (withScore > 0 && withScore < result.length) return null;
  return result;
}

function typed(data: Data): Data | null {
  switch (data.type) {
    case "short_text":
    case "long_text": {
      const long = data.type === "long_text";
      const placeholder = optionalText(data, "placeholder", 200);
      const maxLength = intIn(data.maxLength, 1, long ? MAX_LONG_TEXT_LENGTH : 1000, long ? 10_000 : 200);
      const warnOnMinimising = data.warnOnMinimising === undefined ? false : data.warnOnMinimising;
      const privateAllowed = data.privateAllowed === undefined ? false : data.privateAllowed;
      if (!placeholder.ok || maxLength === null || typeof warnOnMinimising !== "boolean") return null;
      if (long && typeof privateAllowed !== "boolean") return null;
      if (!long && data.privateAllowed !== undefined) return null;
      return only({ placeholder: placeholder.value, warnOnMinimising, maxLength, privateAllowed: long ? privateAllowed : undefined });
    }
    case "scale": {
      const minLabel = text(data.minLabel, 80);
      const maxLabel = text(data.maxLabel, 80);
      const safety = atLeastRule(data, 0, 10);
      if ((data.min !== undefined && data.min !== 0) || (data.max !== undefined && data.max !== 10)) return null;
      if (!minLabel || !maxLabel || !safety.ok) return null;
      return only({ min: 0, max: 10, minLabel, maxLabel, safety: safety.value });
    }
    case "number": {
      const bound = (value: unknown) => value === undefined || (isNumber(value) && Math.abs(value) <= NUMBER_LIMIT);
      const min = data.min as number | undefined;
      const max = data.max as number | undefined;
      const integer = data.integer === undefined ? true : data.integer;
      const unit = optionalText(data, "unit", 30);
      const safety = atLeastRule(data, -NUMBER_LIMIT, max ?? NUMBER_LIMIT);
      if (!bound(min) || !bound(max) || (min !== undefined && max !== undefined && min > max)) return null;
      if (typeof integer !== "boolean" || !unit.ok || !safety.ok) return null;
      return only({ min, max, integer, unit: unit.value, safety: safety.value });
    }
    case "single_choice": {
      const list = options(data, true);
      if (!list) return null;
      const safety = answerInRule(data, list.map((option) => option.value));
      return safety.ok ? only({ options: list, safety: safety.value }) : null;
    }
    case "multi_choice": {
      const list = options(data, false);
      if (!list) return null;
      const minSelected = intIn(data.minSelected, 0, list.length, 1);
      const maxSelected = data.maxSelected === undefined ? undefined : intIn(data.maxSelected, Math.max(1, minSelected ?? 1), Number.MAX_SAFE_INTEGER);
      const safety = answerInRule(data, list.map((option) => option.value));
      if (minSelected === null || maxSelected === null || !safety.ok) return null;
      return only({ options: list, minSelected, maxSelected, safety: safety.value });
    }
    case "yes_partly_no": {
      const safety = answerInRule(data, YES_PARTLY_NO_ANSWERS);
      return safety.ok ? only({ safety: safety.value }) : null;
    }
    case "script": {
      const template = typeof data.template === "string" && data.template.trim() && data.template.trim().length <= 1000 ? data.template.trim() : null;
      if (!template || hasStrayBraces(template) || !Array.isArray(data.blanks) || data.blanks.length < 1 || data.blanks.length > 12) return null;
      const gaps = listScriptBlanks(template);
      if (new Set(gaps).size !== gaps.length) return null;
      const blanks = data.blanks.map((blank) => {
        if (!isRecord(blank) || typeof blank.key !== "string" || !FIELD_KEY_PATTERN.test(blank.key) || blank.key.length > 64) return null;
        const label = text(blank.label, 120);
        const placeholder = optionalText(blank, "placeholder", 120);
        const maxLength = intIn(blank.maxLength, 1, 2000, 300);
        if (!label || !placeholder.ok || maxLength === null) return null;
        return only({ key: blank.key, label, placeholder: placeholder.value, maxLength });
      });
      if (blanks.some((blank) => blank === null)) return null;
      const keys = blanks.map((blank) => blank!.key);
      if (keys.length !== gaps.length || !gaps.every((gap) => keys.filter((key) => key === gap).length === 1)) return null;
      return { template, blanks };
    }
    case "timer": {
      const pattern = TIMER_PATTERNS.find((name) => name === data.pattern);
      const seconds = intIn(data.seconds, 10, 1800);
      const phaseSeconds = data.phaseSeconds === undefined ? undefined : intIn(data.phaseSeconds, 2, 10);
      if (!pattern || seconds === null || phaseSeconds === null || (phaseSeconds !== undefined && pattern !== "box_breathing")) return null;
      let steps: string[] | undefined;
      if (data.steps !== undefined) {
        if (!Array.isArray(data.steps) || data.steps.length < 1 || data.steps.length > 20) return null;
        const lines = data.steps.map((step) => text(step, 200));
        if (lines.some((line) => line === null)) return null;
        steps = lines as string[];
      }
      return only({ pattern, seconds, phaseSeconds, steps });
    }
    default:
      return null;
  }
}

/** A question from the builder, complete enough to preview, with every default filled in; null while unfinished. */
export function previewField(payload: unknown): FieldDefinition | null {
  if (!isRecord(payload)) return null;
  const shared = common(payload);
  const rest = typed(payload);
  if (!shared || !rest) return null;
  return { type: payload.type, ...shared, ...rest } as FieldDefinition;
}
