// One field renderer: the library and builder preview, the client's form and
// the read-only answer view draw labels, help and the private-answer notice
// through the same components, so their words cannot drift apart again
// (issue 11: the preview and the form once said opposite things about
// private answers). Rendered on the server, as React would for the page.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerList } from "@/components/exercises/answer-list";
import { ExercisePreview } from "@/components/exercises/exercise-preview";
import { BuilderPreview } from "@/components/library/builder-preview";
import { EntryFields } from "@/components/portal/entry-fields";
import { PRIVATE_ANSWER_TEXT } from "@/lib/exercises/private-answers";
import { templateFieldsSchema, type FieldType } from "@/lib/exercises/fields";
import type { Answers } from "@/lib/exercises/field-types";

const fields = templateFieldsSchema.parse([
  { type: "short_text", key: "headline", label: "In a few words?", help: "A title for today.", placeholder: "A short line" },
  { type: "long_text", key: "journal", label: "What happened?", help: "Write as much as you like.", privateAllowed: true, required: false },
  { type: "scale", key: "safety", label: "How safe did you feel?", help: "0 is not at all.", minLabel: "Not at all", maxLabel: "Completely" },
  { type: "number", key: "checks", label: "How many times did you check?", help: "Count roughly.", min: 0, max: 50, unit: "times" },
  {
    type: "single_choice",
    key: "mood",
    label: "Which fits best?",
    help: "Pick one.",
    options: [
      { value: "calm", label: "Calm" },
      { value: "tense", label: "Tense" },
    ],
  },
  {
    type: "multi_choice",
    key: "triggers",
    label: "What set it off?",
    help: "Tick any.",
    minSelected: 0,
    options: [
      { value: "late_reply", label: "A late reply" },
      { value: "phone", label: "Their phone" },
    ],
  },
  { type: "yes_partly_no", key: "kept_promise", label: "Did you keep the promise?", help: "Be honest with yourself." },
  {
    type: "script",
    key: "i_statement",
    label: "Your I-statement",
    help: "Fill in the gaps.",
    template: "I feel {emotion} when {situation}.",
    blanks: [
      { key: "emotion", label: "Emotion" },
      { key: "situation", label: "Situation" },
    ],
  },
  { type: "timer", key: "breathing", label: "Breathe for a minute", help: "Follow the rhythm.", pattern: "box_breathing", seconds: 60 },
]);

const EVERY_TYPE = {
  short_text: true,
  long_text: true,
  scale: true,
  number: true,
  single_choice: true,
  multi_choice: true,
  yes_partly_no: true,
  script: true,
  timer: true,
} satisfies Record<FieldType, true>;

const render = (element: ReactElement) => renderToStaticMarkup(element);

/** The outer HTML of the first element whose start tag carries `attribute` (React's markup is well formed). */
function element(html: string, attribute: string): string | null {
  const at = html.indexOf(attribute);
  if (at === -1) return null;
  const start = html.lastIndexOf("<", at);
  const tag = /^<([a-z0-9]+)/.exec(html.slice(start))?.[1];
  if (!tag) return null;
  const pattern = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  return null;
}

const innerHtml = (outer: string) => outer.slice(outer.indexOf(">") + 1, outer.lastIndexOf("<"));
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'").replaceAll("&amp;", "&");

const preview = render(
  createElement(ExercisePreview, {
    idPrefix: "field",
    exercise: { title: "Every kind of question", purpose: "To see each one.", estimatedMinutes: 5, fields },
  }),
);
const noop = () => {};
const form = render(
  createElement(EntryFields, {
    fields,
    answers: {},
    privateKeys: [],
    fieldErrors: {},
    onAnswer: noop,
    onPrivate: noop,
    onBlur: noop,
  }),
);

describe("one field renderer", () => {
  it("the fixture holds one field of every type", () => {
    expect(fields.map((field) => field.type).sort()).toEqual(Object.keys(EVERY_TYPE).sort());
  });

  describe.each(fields.map((field) => [field.type, field] as const))("a %s field", (_type, field) => {
    const id = `field-${field.key}`;

    it("has the same label in the preview as in the client's form", () => {
      const label = element(form, `id="${id}-label"`);
      expect(label).not.toBeNull();
      expect(textOf(label!)).toContain(field.label);
      expect(element(preview, `id="${id}-label"`)).toBe(label);
    });

    it("has the same help text in the preview as in the client's form", () => {
      const help = element(form, `id="${id}-help"`);
      expect(help).not.toBeNull();
      expect(textOf(help!)).toBe(field.help);
      expect(element(preview, `id="${id}-help"`)).toBe(help);
    });

    it("is the same markup in the preview, only disabled", () => {
      const inForm = element(form, `data-field="${field.key}"`);
      const inPreview = element(preview, `data-field="${field.key}"`);
      expect(inForm).not.toBeNull();
      expect(inForm).not.toContain('disabled=""');
      expect(inPreview).toContain('disabled=""');
      expect(inPreview!.replaceAll(' disabled=""', "")).toBe(inForm);
    });

    it("shows the private-answer notice exactly where the therapist allowed it, the same in both", () => {
      const notice = element(form, `id="${id}-private-notice"`);
      const allowed = field.type === "long_text" && field.privateAllowed;
      expect(notice !== null).toBe(allowed);
      expect(element(preview, `id="${id}-private-notice"`)).toBe(notice);
    });
  });

  it("says one true thing about a private answer: the therapist sees that it is private, never what was written", () => {
    const notice = element(form, 'id="field-journal-private-notice"')!;
    expect(textOf(notice)).toBe(`${PRIVATE_ANSWER_TEXT.choice} ${PRIVATE_ANSWER_TEXT.explanation}`);
    expect(PRIVATE_ANSWER_TEXT.explanation).toMatch(/never what you wrote/);
    // The two texts that drifted apart before are gone from both.
    for (const html of [preview, form]) {
      expect(html).not.toContain("It stays saved for you");
      expect(html).not.toContain("Your therapist will see that you wrote it");
    }
  });

  it("the builder's live preview is the same preview", () => {
    const builder = render(
      createElement(BuilderPreview, {
        title: "Every kind of question",
        purpose: "To see each one.",
        instructions: "",
        estimatedMinutes: "5",
        payloads: fields,
      }),
    );
    for (const field of fields) {
      const inBuilder = element(builder, `data-field="${field.key}"`);
      expect(inBuilder, field.key).not.toBeNull();
      expect(inBuilder!.replaceAll("builder-preview-", "field-"), field.key).toBe(element(preview, `data-field="${field.key}"`));
    }
    expect(builder).not.toContain("finished yet");
  });

  describe("the read-only answer view", () => {
    const answers: Answers = {
      headline: "A good day",
      journal: "Something only for me",
      safety: 7,
      checks: 2,
      mood: "calm",
      triggers: ["phone"],
      kept_promise: "partly",
      i_statement: { emotion: "hurt", situation: "plans change" },
      breathing: { completed: true, seconds: 60 },
    };
    const forClient = render(createElement(AnswerList, { fields, answers, privateKeys: ["journal"], viewer: "client" }));
    // The therapist's copy comes without the private text (lib/review), as here.
    const shared = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== "journal")) as Answers;
    const forTherapist = render(createElement(AnswerList, { fields, answers: shared, privateKeys: ["journal"], viewer: "therapist" }));

    it.each(fields.map((field) => [field.key, field] as const))("shows the form's label for %s", (key, field) => {
      const formLabel = element(form, `id="field-${key}-label"`)!;
      // The form adds "(optional)" to what may be skipped; an answer is past that.
      const withoutOptional = innerHtml(formLabel).replace(/<span[^>]*data-optional[^>]*>.*?<\/span>/, "");
      for (const html of [forClient, forTherapist]) {
        const label = element(html, `id="answer-${key}-label"`);
        expect(label).not.toBeNull();
        expect(innerHtml(label!)).toBe(withoutOptional);
        expect(textOf(label!)).toBe(field.label);
      }
    });

    it("tells each reader the same truth about a private answer, and never shows its text to the therapist", () => {
      expect(forClient).toContain("Something only for me");
      expect(textOf(element(forClient, 'id="answer-journal-private"')!)).toBe(PRIVATE_ANSWER_TEXT.clientView);
      expect(textOf(element(forTherapist, 'id="answer-journal-private"')!)).toBe(PRIVATE_ANSWER_TEXT.therapistView);
      expect(forTherapist).not.toContain("Something only for me");
      expect(textOf(forTherapist)).toContain("7 of 10 (0 = Not at all, 10 = Completely)");
    });
  });
});
