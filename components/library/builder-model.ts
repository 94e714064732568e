// The zod-free modules: this runs in the browser (the builder).
import { TIMER_PATTERNS, YES_PARTLY_NO_ANSWERS, YES_PARTLY_NO_LABELS, type YesPartlyNo } from "@/lib/exercises/constants";
import type { FieldDefinition, FieldType } from "@/lib/exercises/field-types";
import { listScriptBlanks } from "@/lib/exercises/script-template";

/**
 * The builder's editable model of one question. It is deliberately flat (a
 * superset of every field type's settings) so that switching a question's
 * type back and forth keeps what was typed. `toFieldPayloads` turns drafts
 * into the JSON the server validates with the real field schemas.
 */

export type TimerPattern = (typeof TIMER_PATTERNS)[number];

export type DraftOption = {
  uid: string;
  /** Kept from a saved version: answers and safety rules refer to it. */
  fixedValue: string | null;
  label: string;
  score?: number;
};

export type DraftBlank = { key: string; label: string; placeholder?: string; maxLength?: number };

export type DraftField = {
  uid: string;
  /** Kept from a saved version so answers and charts stay comparable across versions. */
  fixedKey: string | null;
  type: FieldType;
  label: string;
  help: string;
  required: boolean;
  placeholder: string;
  maxLength?: number;
  warnOnMinimising: boolean;
  privateAllowed: boolean;
  minLabel: string;
  maxLabel: string;
  min?: number;
  max?: number;
  integer: boolean;
  unit: string;
  options: DraftOption[];
  minSelected?: number;
  maxSelected?: number;
  safety: boolean;
  /** uids of the options that should alert the therapist. */
  unsafeOptions: string[];
  unsafeAnswers: YesPartlyNo[];
  threshold?: number;
  template: string;
  blanks: DraftBlank[];
  pattern: TimerPattern;
  seconds?: number;
  phaseSeconds?: number;
  /** One step per line. */
  steps: string;
};

export type FieldPayload = Record<string, unknown>;

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  short_text: "Short answer",
  long_text: "Long answer (journal)",
  scale: "0–10 scale",
  single_choice: "Single choice",
  multi_choice: "Checklist (choose any)",
  yes_partly_no: "Yes / partly / no",
  number: "Number",
  script: "Sentence with gaps (script)",
  timer: "Guided timer",
};

export const FIELD_TYPES = Object.keys(FIELD_TYPE_LABELS) as FieldType[];

export { YES_PARTLY_NO_ANSWERS, YES_PARTLY_NO_LABELS };

export const supportsSafety = (type: FieldType) =>
  type === "scale" || type === "number" || type === "single_choice" || type === "multi_choice" || type === "yes_partly_no";

export const hasOptions = (type: FieldType) => type === "single_choice" || type === "multi_choice";

export function emptyDraft(uid: string, type: FieldType = "long_text"): DraftField {
  return {
    uid,
    fixedKey: null,
    type,
    label: "",
    help: "",
    required: true,
    placeholder: "",
    warnOnMinimising: false,
    privateAllowed: false,
    minLabel: "",
    maxLabel: "",
    integer: true,
    unit: "",
    options: hasOptions(type)
      ? [
          { uid: `${uid}-o1`, fixedValue: null, label: "" },
          { uid: `${uid}-o2`, fixedValue: null, label: "" },
        ]
      : [],
    safety: false,
    unsafeOptions: [],
    unsafeAnswers: [],
    template: "",
    blanks: [],
    pattern: "countdown",
    seconds: type === "timer" ? 60 : undefined,
    steps: "",
  };
}

/** Switches type, keeping shared settings; limits that differ per type start fresh. */
export function changeType(draft: DraftField, type: FieldType): DraftField {
  const seeded = hasOptions(type) && draft.options.length === 0 ? emptyDraft(draft.uid, type).options : draft.options;
  return {
    ...draft,
    type,
    maxLength: undefined,
    options: seeded,
    seconds: type === "timer" ? (draft.seconds ?? 60) : draft.seconds,
  };
}

export function draftFromField(field: FieldDefinition, uid: string): DraftField {
  const draft: DraftField = { ...emptyDraft(uid, field.type), fixedKey: field.key, label: field.label, help: field.help ?? "", required: field.required };
  switch (field.type) {
    case "short_text":
    case "long_text":
      return {
        ...draft,
        placeholder: field.placeholder ?? "",
        maxLength: field.maxLength,
        warnOnMinimising: field.warnOnMinimising,
        privateAllowed: field.type === "long_text" && field.privateAllowed,
      };
    case "scale":
      return { ...draft, minLabel: field.minLabel, maxLabel: field.maxLabel, ...thresholdDraft(field.safety) };
    case "number":
      return {
        ...draft,
        min: field.min,
        max: field.max,
        integer: field.integer,
        unit: field.unit ?? "",
        ...thresholdDraft(field.safety),
      };
    case "single_choice":
    case "multi_choice": {
      const options = field.options.map((option, index) => ({
        uid: `${uid}-o${index}`,
        fixedValue: option.value,
        label: option.label,
        score: "score" in option ? option.score : undefined,
      }));
      const unsafe = field.safety?.whenAnswerIn ?? [];
      return {
        ...draft,
        options,
        minSelected: field.type === "multi_choice" ? field.minSelected : undefined,
        maxSelected: field.type === "multi_choice" ? field.maxSelected : undefined,
        safety: unsafe.length > 0,
        unsafeOptions: options.filter((option) => unsafe.includes(option.fixedValue ?? "")).map((option) => option.uid),
      };
    }
    case "yes_partly_no": {
      const unsafe = field.safety?.whenAnswerIn ?? [];
      return {
        ...draft,
        safety: unsafe.length > 0,
        unsafeAnswers: YES_PARTLY_NO_ANSWERS.filter((answer) => unsafe.includes(answer)),
      };
    }
    case "script":
      return { ...draft, template: field.template, blanks: field.blanks.map((blank) => ({ ...blank })) };
    case "timer":
      return {
        ...draft,
        pattern: field.pattern,
        seconds: field.seconds,
        phaseSeconds: field.phaseSeconds,
        steps: (field.steps ?? []).join("\n"),
      };
  }
}

function thresholdDraft(safety: { whenAtLeast: number } | undefined) {
  return safety ? { safety: true, threshold: safety.whenAtLeast } : {};
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/* ------------------------------------------------------------- slugs */

const KEY_LIMIT = 40;

/** "How did it go?" → "how_did_it_go"; cut at a word boundary when long. */
export function slugify(text: string): string {
  let slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug.length > KEY_LIMIT) {
    const cut = slug.slice(0, KEY_LIMIT + 1);
    const boundary = cut.lastIndexOf("_");
    slug = boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, KEY_LIMIT);
  }
  return slug;
}

export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Field keys must start with a letter. */
function keyFromLabel(label: string): string {
  const slug = slugify(label);
  if (!slug) return "question";
  return /^[a-z]/.test(slug) ? slug : `q_${slug}`;
}

/** Keys for every question: saved ones stay, new ones come from their labels. */
export function deriveKeys(drafts: readonly DraftField[]): string[] {
  const taken = new Set(drafts.flatMap((draft) => (draft.fixedKey ? [draft.fixedKey] : [])));
  return drafts.map((draft) => {
    if (draft.fixedKey) return draft.fixedKey;
    const key = uniqueSlug(keyFromLabel(draft.label), taken);
    taken.add(key);
    return key;
  });
}

function optionValues(options: readonly DraftOption[]): Map<string, string> {
  const taken = new Set(options.flatMap((option) => (option.fixedValue ? [option.fixedValue] : [])));
  const values = new Map<string, string>();
  options.forEach((option, index) => {
    const value = option.fixedValue ?? uniqueSlug(slugify(option.label) || `option_${index + 1}`, taken);
    taken.add(value);
    values.set(option.uid, value);
  });
  return values;
}

/* ----------------------------------------------------------- scripts */

export function humanize(key: string): string {
  const words = key.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One blank per {gap} in the sentence, keeping what was already written for each. */
export function syncBlanks(template: string, blanks: readonly DraftBlank[]): DraftBlank[] {
  const names = [...new Set(listScriptBlanks(template))];
  return names.map((name) => blanks.find((blank) => blank.key === name) ?? { key: name, label: humanize(name) });
}

/* --------------------------------------------------------- payloads */

const optional = (text: string) => (text.trim() ? text : undefined);

function choicePayload(draft: DraftField) {
  const values = optionValues(draft.options);
  const scored = draft.options.some((option) => option.score !== undefined);
  return {
    options: draft.options.map((option) => ({
      value: values.get(option.uid),
      label: option.label,
      ...(draft.type === "single_choice" && scored ? { score: option.score } : {}),
    })),
    safety: draft.safety
      ? { whenAnswerIn: draft.options.filter((option) => draft.unsafeOptions.includes(option.uid)).map((option) => values.get(option.uid)) }
      : undefined,
  };
}

function typedPayload(draft: DraftField): FieldPayload {
  const threshold = draft.safety ? { whenAtLeast: draft.threshold } : undefined;
  switch (draft.type) {
    case "short_text":
    case "long_text":
      return {
        placeholder: optional(draft.placeholder),
        maxLength: draft.maxLength,
        warnOnMinimising: draft.warnOnMinimising,
        ...(draft.type === "long_text" ? { privateAllowed: draft.privateAllowed } : {}),
      };
    case "scale":
      return { minLabel: draft.minLabel, maxLabel: draft.maxLabel, safety: threshold };
    case "number":
      return { min: draft.min, max: draft.max, integer: draft.integer, unit: optional(draft.unit), safety: threshold };
    case "single_choice":
      return choicePayload(draft);
    case "multi_choice":
      return { ...choicePayload(draft), minSelected: draft.minSelected, maxSelected: draft.maxSelected };
    case "yes_partly_no":
      return { safety: draft.safety ? { whenAnswerIn: draft.unsafeAnswers } : undefined };
    case "script":
      return { template: draft.template, blanks: draft.blanks };
    case "timer": {
      const steps = draft.steps.split("\n").map((step) => step.trim()).filter(Boolean);
      return {
        pattern: draft.pattern,
        seconds: draft.seconds,
        phaseSeconds: draft.pattern === "box_breathing" ? draft.phaseSeconds : undefined,
        steps: steps.length ? steps : undefined,
      };
    }
  }
}

/** What the form submits: unvalidated on purpose, the server checks it with the field schemas. */
export function toFieldPayloads(drafts: readonly DraftField[]): FieldPayload[] {
  const keys = deriveKeys(drafts);
  return drafts.map((draft, index) => ({
    type: draft.type,
    key: keys[index],
    label: draft.label,
    help: optional(draft.help),
    required: draft.required,
    ...typedPayload(draft),
  }));
}
