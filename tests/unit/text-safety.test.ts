// The text rules every field shares (lib/validations/text.ts), and the
// measured bad inputs of issue 8 (#6) against the schemas forms and actions use.
import { describe, expect, it } from "vitest";
import { buildAnswersSchema, templateFieldsSchema } from "@/lib/exercises";
import { assignSchema } from "@/lib/validations/assignments";
import { signUpSchema } from "@/lib/validations/auth";
import { acknowledgeCaseloadFlagSchema, caseloadSearchSchema } from "@/lib/validations/caseload";
import { addClientSchema } from "@/lib/validations/clients";
import { entryPayloadSchema } from "@/lib/validations/entries";
import { acknowledgeFlagSchema, feedbackSchema } from "@/lib/validations/review";
import { libraryFilterSchema, parseTemplate } from "@/lib/validations/templates";
import {
  cleanSearchText,
  isId,
  nameField,
  normalizeText,
  TEXT_MESSAGES,
  textField,
  textProblem,
} from "@/lib/validations/text";

type Schema = { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

function errors(schema: Schema, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (byField[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return byField;
}

const NUL = "\u0000";
const LONE_HIGH = "\uD83D";
const LONE_LOW = "\uDE00";
const RLO = "\u202E";
const ZWSP = "\u200B";

describe("textProblem", () => {
  it("refuses every C0 and C1 control character on one line", () => {
    for (let code = 0; code <= 0x1f; code++) {
      expect(textProblem(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(TEXT_MESSAGES.control);
    }
    for (let code = 0x7f; code <= 0x9f; code++) {
      expect(textProblem(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(TEXT_MESSAGES.control);
    }
  });

  it("keeps line breaks and tabs in multi-line text only", () => {
    expect(textProblem("one\ntwo\tthree", { multiline: true })).toBeNull();
    expect(textProblem("one\r\ntwo", { multiline: true })).toBeNull();
    expect(textProblem("one\ntwo")).toBe(TEXT_MESSAGES.control);
    expect(textProblem("one\ttwo")).toBe(TEXT_MESSAGES.control);
    expect(textProblem(`one${NUL}two`, { multiline: true })).toBe(TEXT_MESSAGES.control);
  });

  it("refuses a lone surrogate but accepts a whole emoji", () => {
    expect(textProblem(`half ${LONE_HIGH}`)).toBe(TEXT_MESSAGES.surrogate);
    expect(textProblem(`${LONE_LOW} half`)).toBe(TEXT_MESSAGES.surrogate);
    expect(textProblem(`${LONE_LOW}${LONE_HIGH}`), "reversed halves").toBe(TEXT_MESSAGES.surrogate);
    expect(textProblem("whole 😀 and 👩‍👩‍👧")).toBeNull();
  });

  it("refuses bidi overrides and isolates", () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(textProblem(`abc${String.fromCharCode(code)}def`), `U+${code.toString(16)}`).toBe(TEXT_MESSAGES.bidi);
    }
  });

  it("accepts ordinary text in many scripts", () => {
    for (const text of ["Zoë Ñúñez", "李小龍", "محمد", "שָׁלוֹם", "Ἀθηνᾶ", "O’Brien-Smith", "Dr. A. B. (she/her)"]) {
      expect(textProblem(text), text).toBeNull();
    }
  });
});

describe("textField", () => {
  const field = textField({ max: 10 }).min(1, "Required.");

  it("normalises to NFC and trims", () => {
    expect(field.parse("  Zoe\u0308 ")).toBe("Zoë");
    expect(normalizeText("a\r\nb\rc", { multiline: true })).toBe("a\nb\nc");
  });

  it("reports only the most specific problem", () => {
    expect(errors(field, `${NUL}${"x".repeat(50)}`)).toEqual({ "": [TEXT_MESSAGES.control] });
    expect(errors(field, "x".repeat(11))).toEqual({ "": ["Use at most 10 characters."] });
    expect(errors(field, "   ")).toEqual({ "": ["Required."] });
  });

  it("counts the limit after normalising, so a decomposed accent is one character", () => {
    expect(field.safeParse("e\u0301".repeat(10)).success).toBe(true);
  });
});

describe("nameField", () => {
  const name = nameField({ max: 100, requiredMessage: "Enter a name." });

  it("refuses a name of only invisible characters", () => {
    for (const value of [ZWSP.repeat(3), "\u200C\u200D", "\u2060", "\uFEFF", ` ${ZWSP} `, "\u00A0\u3000"]) {
      expect(name.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(errors(name, ZWSP.repeat(3))).toEqual({ "": ["Enter a name."] });
    expect(errors(name, "\u200C\u200D")).toEqual({ "": ["Enter a name."] });
    expect(errors(name, "\u2063\u00AD")).toEqual({ "": [TEXT_MESSAGES.visible] });
  });

  it("strips invisible characters at the edges but keeps a joiner inside", () => {
    expect(name.parse(`${ZWSP}Sam${ZWSP} `)).toBe("Sam");
    expect(name.parse("Ali\u200CReza")).toBe("Ali\u200CReza");
  });

  it("accepts an emoji-only or a one-letter name", () => {
    expect(name.parse("🌱")).toBe("🌱");
    expect(name.parse("J")).toBe("J");
  });
});

describe("the measured bad inputs (issue 8, #6)", () => {
  const signUp = { name: "Dr Ada", practiceName: "Harbour", email: "ada@example.com", password: "owl-tea-park-42", timeZone: "UTC" };

  it("a null byte in a name, a practice name, a client name, notes and feedback is a field message", () => {
    expect(errors(signUpSchema, { ...signUp, name: `Ada${NUL}` })).toEqual({ name: [TEXT_MESSAGES.control] });
    expect(errors(signUpSchema, { ...signUp, practiceName: `Harbour${NUL}` })).toEqual({ practiceName: [TEXT_MESSAGES.control] });
    expect(errors(signUpSchema, { ...signUp, email: `ada${NUL}@example.com` })).toEqual({ email: [TEXT_MESSAGES.control] });
    expect(errors(addClientSchema, { displayName: `Sam${NUL}`, email: "sam@example.com", timeZone: "UTC" })).toEqual({
      displayName: [TEXT_MESSAGES.control],
    });
    expect(errors(feedbackSchema, { submissionId: "cabc", body: `Well done${NUL}` })).toEqual({ body: [TEXT_MESSAGES.control] });
    expect(errors(acknowledgeFlagSchema, { flagId: "cabc", note: `Called${NUL}` })).toEqual({ note: [TEXT_MESSAGES.control] });
    expect(errors(acknowledgeCaseloadFlagSchema, { kind: "SILENT", clientId: "cabc", note: `Away${NUL}` })).toEqual({
      note: [TEXT_MESSAGES.control],
    });
  });

  it("a client name of only zero-width characters, or with a right-to-left override, is refused", () => {
    const client = { email: "sam@example.com", timeZone: "UTC" };
    expect(addClientSchema.safeParse({ ...client, displayName: ZWSP.repeat(5) }).success).toBe(false);
    expect(errors(addClientSchema, { ...client, displayName: `Sam${RLO}gnp.exe` })).toEqual({ displayName: [TEXT_MESSAGES.bidi] });
    expect(errors(signUpSchema, { ...signUp, name: `${RLO}Ada` })).toEqual({ name: [TEXT_MESSAGES.bidi] });
  });

  it("a lone surrogate in a note is refused", () => {
    expect(errors(feedbackSchema, { submissionId: "cabc", body: `Nice ${LONE_HIGH}` })).toEqual({ body: [TEXT_MESSAGES.surrogate] });
  });

  it("baseVersion 2**40, NaN or -1 is refused; the largest PostgreSQL integer is not", () => {
    const payload = { assignmentId: "cabc", entryKey: "2026-03-02", answers: {}, privateKeys: [] };
    for (const baseVersion of [2 ** 40, 2 ** 31, Number.NaN, -1, 1.5, Infinity, "3"]) {
      expect(entryPayloadSchema.safeParse({ ...payload, baseVersion }).success, String(baseVersion)).toBe(false);
    }
    expect(entryPayloadSchema.safeParse({ ...payload, baseVersion: 2 ** 31 - 1 }).success).toBe(true);
  });

  it("an assignment starting 9999-12-31, or due years after its start, is refused", () => {
    const today = new Date().toISOString().slice(0, 10);
    const base = { templateId: "ctemplate", clientIds: ["cclient"], scheduleType: "DAILY" };
    expect(errors(assignSchema, { ...base, startDate: "9999-12-31" })).toEqual({
      startDate: ["Choose a start date within the next two years."],
    });
    expect(errors(assignSchema, { ...base, scheduleType: "ONCE", startDate: today, dueDate: "9999-12-31" })).toEqual({
      dueDate: ["Choose a due date within two years of the start date."],
    });
    expect(errors(assignSchema, { ...base, startDate: today, endDate: "2999-01-01" })).toEqual({
      endDate: ["Choose an end date within two years of the start date."],
    });
    expect(errors(assignSchema, { ...base, startDate: "0001-01-01" })).toEqual({ startDate: ["Choose a start date from this year."] });
    expect(assignSchema.safeParse({ ...base, startDate: today }).success).toBe(true);
  });

  it("a null byte or a bidi override in ids is refused before any query", () => {
    expect(isId("cm5x2k0a30000abcdxyz12345")).toBe(true);
    for (const bad of [NUL, `cabc${NUL}`, "", "x".repeat(65), "../etc", "a b", `c${RLO}`, "é", 42, null]) {
      expect(isId(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(feedbackSchema.safeParse({ submissionId: NUL, body: "fine" }).success).toBe(false);
  });

  it("a null byte in ?q= is cleaned away, never an error", () => {
    expect(libraryFilterSchema.parse({ q: NUL })).toEqual({ q: "", kind: undefined });
    expect(libraryFilterSchema.parse({ q: `trust${NUL}${RLO}log` }).q).toBe("trust  log");
    expect(caseloadSearchSchema.parse({ q: `Sam${LONE_HIGH}` }).q).toBe("Sam");
    expect(cleanSearchText("😀".repeat(200), 100)).toBe("😀".repeat(100));
  });
});

describe("answers", () => {
  const fields = templateFieldsSchema.parse([
    { key: "short", type: "short_text", label: "Short" },
    { key: "long", type: "long_text", label: "Long", required: false },
    { key: "choice", type: "single_choice", label: "Choice", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
    { key: "ticks", type: "multi_choice", label: "Ticks", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
    {
      key: "sentence",
      type: "script",
      label: "Sentence",
      template: "I feel {feeling}.",
      blanks: [{ key: "feeling", label: "Feeling" }],
    },
    { key: "times", type: "number", label: "Times" },
  ]);
  const draft = buildAnswersSchema(fields, { mode: "draft" });

  it("refuses unsafe characters in every free-text answer, with the field's key", () => {
    expect(errors(draft, { short: `hi${NUL}` })).toEqual({ short: [TEXT_MESSAGES.control] });
    expect(errors(draft, { long: `hi${LONE_HIGH}` })).toEqual({ long: [TEXT_MESSAGES.surrogate] });
    expect(errors(draft, { sentence: { feeling: `calm${RLO}` } })).toEqual({ "sentence.feeling": [TEXT_MESSAGES.bidi] });
    expect(errors(draft, { short: "one\ntwo" })).toEqual({ short: [TEXT_MESSAGES.control] });
  });

  it("keeps line breaks in long answers and stores them as LF", () => {
    expect(draft.parse({ long: "one\r\ntwo\n\tthree" })).toEqual({ long: "one\ntwo\n\tthree" });
  });

  it("lets nothing but an option's shape into a draft's choice", () => {
    expect(draft.safeParse({ choice: `a${NUL}` }).success).toBe(false);
    expect(draft.safeParse({ ticks: ["a", NUL] }).success).toBe(false);
    expect(draft.parse({ choice: "", ticks: ["b"] })).toEqual({ choice: "", ticks: ["b"] });
  });

  it("bounds numbers even in a draft", () => {
    expect(draft.safeParse({ times: 2 ** 40 }).success).toBe(false);
    expect(draft.safeParse({ times: Number.NaN }).success).toBe(false);
    expect(draft.parse({ times: 12 })).toEqual({ times: 12 });
  });

  it("caps long answers at 20,000 characters whatever the template says", () => {
    const [big] = templateFieldsSchema.parse([{ key: "big", type: "long_text", label: "Big", maxLength: 20_000 }]);
    expect(templateFieldsSchema.safeParse([{ key: "big", type: "long_text", label: "Big", maxLength: 50_000 }]).success).toBe(false);
    const schema = buildAnswersSchema([big!], { mode: "draft" });
    expect(schema.safeParse({ big: "x".repeat(20_000) }).success).toBe(true);
    expect(errors(schema, { big: "x".repeat(20_001) })).toEqual({ big: ["Please keep this to 20,000 characters or fewer"] });
  });
});

describe("template definitions", () => {
  const template = {
    title: "Evening check",
    purpose: "A short look back at the day.",
    kind: "journal",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [{ key: "day", type: "long_text", label: "How was the day?" }],
  };

  it("refuses unsafe characters in titles, labels, help texts and options, on the field that has them", () => {
    const byPath = (input: unknown) => {
      const result = parseTemplate(input);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
    };
    expect(byPath({ ...template, title: `Evening${NUL}` })).toEqual({ title: TEXT_MESSAGES.control });
    expect(byPath({ ...template, purpose: `Look ${RLO}back` })).toEqual({ purpose: TEXT_MESSAGES.bidi });
    expect(byPath({ ...template, fields: [{ key: "day", type: "long_text", label: `Day${NUL}` }] })).toEqual({
      "fields.0.label": TEXT_MESSAGES.control,
    });
    expect(byPath({ ...template, fields: [{ key: "day", type: "long_text", label: "Day", help: `hint ${LONE_LOW}` }] })).toEqual({
      "fields.0.help": TEXT_MESSAGES.surrogate,
    });
    const options = [
      { value: "a", label: "Fine" },
      { value: "b", label: `Bad${NUL}` },
    ];
    expect(byPath({ ...template, fields: [{ key: "pick", type: "single_choice", label: "Pick", options }] })).toEqual({
      "fields.0.options.1.label": TEXT_MESSAGES.control,
    });
  });

  it("keeps line breaks in a question's label and help (edited in a textarea)", () => {
    const result = parseTemplate({ ...template, fields: [{ key: "day", type: "long_text", label: "How was\r\nthe day?", help: "Take\tyour time" }] });
    expect(result.success).toBe(true);
    expect(result.data?.fields[0]).toMatchObject({ label: "How was\nthe day?", help: "Take\tyour time" });
  });
});
