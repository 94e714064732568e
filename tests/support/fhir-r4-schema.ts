// A small FHIR R4 shape validator for the exports (not a full FHIR
// validator): the R4 element names, value sets and invariants our Bundle,
// Questionnaire and QuestionnaireResponse touch, written as zod schemas, plus
// a cross-check of every response against the Questionnaire it claims to
// answer. Objects are strict so a misspelt element (valuestring) fails.
// Where R4 leaves something optional that an EHR import needs (a Coding's
// code, an answer in a present item), this is deliberately stricter.
import { z } from "zod";

/* ------------------------------------------------------------ primitives */

// R4 strings may not be empty; arrays may not be empty; null never appears.
const fhirString = z.string().regex(/^[ \r\n\t\S]+$/, "FHIR strings must not be empty");
const code = z.string().regex(/^[^\s]+( [^\s]+)*$/, "not a FHIR code");
const uri = z.string().regex(/^\S+$/, "not a FHIR uri");
const canonical = z.string().regex(/^\S+(\|\S+)?$/, "not a FHIR canonical");
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "not a FHIR instant (needs a time zone)");
const dateTime = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?)?$/, "not a FHIR dateTime");
const integer = z.int().min(-2_147_483_648).max(2_147_483_647);
const decimal = z.number().refine(Number.isFinite, "not a FHIR decimal");
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, "FHIR arrays must not be empty");

const coding = z.strictObject({ system: uri.optional(), version: fhirString.optional(), code, display: fhirString.optional() });
const reference = z.strictObject({ reference: fhirString.optional(), display: fhirString.optional() });

/** Exactly one of the given keys is present: R4's value[x] choice. */
function exactlyOne(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length !== 1) ctx.addIssue({ code: "custom", message: `${what} needs exactly one value[x], found ${present.length}` });
  };
}

/* --------------------------------------------------------- Questionnaire */

export const ITEM_TYPES = [
  "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
  "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity",
] as const;
type ItemType = (typeof ITEM_TYPES)[number];

const ANSWER_OPTION_VALUES = ["valueInteger", "valueDate", "valueTime", "valueString", "valueCoding", "valueReference"] as const;
const answerOption = z
  .strictObject({
    valueInteger: integer.optional(),
    valueDate: fhirString.optional(),
    valueTime: fhirString.optional(),
    valueString: fhirString.optional(),
    valueCoding: coding.optional(),
    valueReference: reference.optional(),
    initialSelected: z.boolean().optional(),
  })
  .superRefine(exactlyOne(ANSWER_OPTION_VALUES, "answerOption"));
type AnswerOption = z.output<typeof answerOption>;

export type QuestionnaireItem = {
  linkId: string;
  text?: string;
  type: ItemType;
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  code?: z.output<typeof coding>[];
  answerOption?: AnswerOption[];
  item?: QuestionnaireItem[];
};

const questionnaireItem: z.ZodType<QuestionnaireItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: fhirString,
      text: fhirString.optional(),
      type: z.enum(ITEM_TYPES),
      required: z.boolean().optional(),
      repeats: z.boolean().optional(),
      maxLength: integer.positive().optional(),
      code: nonEmpty(coding).optional(),
      answerOption: nonEmpty(answerOption).optional(),
      item: nonEmpty(questionnaireItem).optional(),
    })
    .superRefine((item, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: "custom", message: `${item.linkId}: ${message}` });
      // que-1
      if (item.type === "group" && !item.item) issue("a group must have child items");
      if (item.type === "display" && item.item) issue("a display item cannot have child items");
      // que-5 (R4 lets answerOption constrain these types only)
      const optionTypes: ItemType[] = ["choice", "open-choice", "decimal", "integer", "date", "dateTime", "time", "string", "quantity"];
      if (item.answerOption && !optionTypes.includes(item.type)) issue(`answerOption is not allowed on ${item.type}`);
      if ((item.type === "choice" || item.type === "open-choice") && !item.answerOption) issue("a choice needs answerOption");
      // que-6
      if (item.type === "display" && (item.required !== undefined || item.repeats !== undefined)) issue("display items cannot be required or repeat");
      // que-10
      const lengthTypes: ItemType[] = ["boolean", "decimal", "integer", "string", "text", "url", "open-choice"];
      if (item.maxLength !== undefined && !lengthTypes.includes(item.type)) issue(`maxLength is not allowed on ${item.type}`);
    }),
);

function allLinkIds(items: readonly QuestionnaireItem[]): string[] {
  return items.flatMap((item) => [item.linkId, ...allLinkIds(item.item ?? [])]);
}

export const questionnaireSchema = z
  .strictObject({
    resourceType: z.literal("Questionnaire"),
    id: fhirString.optional(),
    url: uri,
    version: fhirString,
    title: fhirString,
    status: z.enum(["draft", "active", "retired", "unknown"]),
    description: fhirString.optional(),
    copyright: fhirString.optional(),
    code: nonEmpty(coding).optional(),
    item: nonEmpty(questionnaireItem),
  })
  .superRefine((questionnaire, ctx) => {
    // que-2
    const ids = allLinkIds(questionnaire.item);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (duplicates.length) ctx.addIssue({ code: "custom", message: `linkIds used twice: ${duplicates.join(", ")}` });
  });

/* ------------------------------------------------- QuestionnaireResponse */

const ANSWER_VALUES = [
  "valueBoolean", "valueDecimal", "valueInteger", "valueDate", "valueDateTime", "valueTime", "valueString",
  "valueUri", "valueAttachment", "valueCoding", "valueQuantity", "valueReference",
] as const;

export type ResponseAnswer = Partial<Record<(typeof ANSWER_VALUES)[number], unknown>> & { item?: ResponseItem[] };
export type ResponseItem = { linkId: string; text?: string; answer?: ResponseAnswer[]; item?: ResponseItem[] };

const responseAnswer: z.ZodType<ResponseAnswer> = z.lazy(() =>
  z
    .strictObject({
      valueBoolean: z.boolean().optional(),
      valueDecimal: decimal.optional(),
      valueInteger: integer.optional(),
      valueDate: fhirString.optional(),
      valueDateTime: dateTime.optional(),
      valueTime: fhirString.optional(),
      valueString: fhirString.optional(),
      valueUri: uri.optional(),
      valueAttachment: z.record(z.string(), z.unknown()).optional(),
      valueCoding: coding.optional(),
      valueQuantity: z.record(z.string(), z.unknown()).optional(),
      valueReference: reference.optional(),
      item: nonEmpty(responseItem).optional(),
    })
    .superRefine(exactlyOne(ANSWER_VALUES, "answer")),
);

const responseItem: z.ZodType<ResponseItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: fhirString,
      text: fhirString.optional(),
      answer: nonEmpty(responseAnswer).optional(),
      item: nonEmpty(responseItem).optional(),
    })
    .superRefine((item, ctx) => {
      // qrs-1
      if (item.answer && item.item) ctx.addIssue({ code: "custom", message: `${item.linkId}: an item cannot have both answer and item` });
      if (!item.answer && !item.item) ctx.addIssue({ code: "custom", message: `${item.linkId}: an item needs an answer or child items` });
    }),
);

export const questionnaireResponseSchema = z.strictObject({
  resourceType: z.literal("QuestionnaireResponse"),
  id: fhirString.optional(),
  questionnaire: canonical,
  status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
  subject: reference.optional(),
  authored: dateTime.optional(),
  author: reference.optional(),
  source: reference.optional(),
  item: nonEmpty(responseItem).optional(),
});

/* ------------------------------------- Patient, Practitioner, Observation */

const identifier = z.strictObject({ system: uri, value: fhirString });
const humanName = z.strictObject({ text: fhirString });
const codeableConcept = z.strictObject({ coding: nonEmpty(coding).optional(), text: fhirString.optional() });

// Only what the export uses; an EHR needs a name and an identifier to file a person.
export const patientSchema = z.strictObject({ resourceType: z.literal("Patient"), identifier: nonEmpty(identifier), name: nonEmpty(humanName) });
export const practitionerSchema = z.strictObject({ resourceType: z.literal("Practitioner"), identifier: nonEmpty(identifier), name: nonEmpty(humanName) });

export const observationSchema = z.strictObject({
  resourceType: z.literal("Observation"),
  status: z.enum(["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"]),
  category: nonEmpty(codeableConcept).optional(),
  code: codeableConcept,
  subject: reference,
  effectiveDateTime: dateTime.optional(),
  valueInteger: integer.optional(),
  interpretation: nonEmpty(codeableConcept).optional(),
  derivedFrom: nonEmpty(reference).optional(),
});

/* ---------------------------------------------------------------- Bundle */

export const bundleSchema = z
  .strictObject({
    resourceType: z.literal("Bundle"),
    type: z.enum(["document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"]),
    timestamp: instant.optional(),
    entry: nonEmpty(
      z.strictObject({
        fullUrl: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "fullUrl must be urn:uuid:<lower-case uuid>"),
        resource: z.discriminatedUnion("resourceType", [questionnaireSchema, questionnaireResponseSchema, patientSchema, practitionerSchema, observationSchema]),
      }),
    ).optional(),
  })
  .superRefine((bundle, ctx) => {
    const urls = (bundle.entry ?? []).map((entry) => entry.fullUrl);
    if (new Set(urls).size !== urls.length) ctx.addIssue({ code: "custom", message: "fullUrls must be unique in a bundle" });
    // Every reference points at an entry of this bundle (a collection must stand alone).
    const references = [...JSON.stringify(bundle.entry ?? []).matchAll(/"reference":"([^"]*)"/g)].map((match) => match[1]!);
    for (const missing of references.filter((reference) => !urls.includes(reference))) {
      ctx.addIssue({ code: "custom", message: `reference ${missing} is not an entry of the bundle` });
    }
  });

/* ------------------------------------------------- responses vs questions */

/** Which value[x] answers each question type (R4 QuestionnaireResponse.item.answer rules). */
const VALUE_FOR_TYPE: Partial<Record<ItemType, readonly string[]>> = {
  boolean: ["valueBoolean"],
  decimal: ["valueDecimal"],
  integer: ["valueInteger"],
  date: ["valueDate"],
  dateTime: ["valueDateTime"],
  time: ["valueTime"],
  string: ["valueString"],
  text: ["valueString"],
  url: ["valueUri"],
  choice: ["valueCoding"],
  "open-choice": ["valueCoding", "valueString"],
  attachment: ["valueAttachment"],
  reference: ["valueReference"],
  quantity: ["valueQuantity"],
};

function matchesOption(answer: ResponseAnswer, options: readonly AnswerOption[]): boolean {
  return options.some((option) =>
    option.valueCoding && answer.valueCoding
      ? option.valueCoding.code === (answer.valueCoding as { code?: string }).code
      : option.valueInteger !== undefined && option.valueInteger === answer.valueInteger,
  );
}

function checkItems(
  responses: readonly ResponseItem[],
  questions: readonly QuestionnaireItem[],
  status: string,
  path: string,
  problems: string[],
): void {
  let lastIndex = -1;
  for (const response of responses) {
    const at = `${path}/${response.linkId}`;
    const index = questions.findIndex((question) => question.linkId === response.linkId);
    const question = questions[index];
    if (!question) {
      problems.push(`${at}: no question with this linkId at this level`);
      continue;
    }
    if (index <= lastIndex) problems.push(`${at}: items must follow the Questionnaire's order, once each`);
    lastIndex = index;
    if (question.type === "display") {
      problems.push(`${at}: display items are not answered`);
    } else if (question.type === "group") {
      if (response.answer) problems.push(`${at}: a group has child items, not answers`);
      checkItems(response.item ?? [], question.item ?? [], status, at, problems);
    } else {
      const answers = response.answer ?? [];
      if (!question.repeats && answers.length > 1) problems.push(`${at}: ${answers.length} answers to a question that does not repeat`);
      const allowed = VALUE_FOR_TYPE[question.type] ?? [];
      for (const answer of answers) {
        const given = ANSWER_VALUES.filter((key) => answer[key] !== undefined);
        if (!given.every((key) => allowed.includes(key))) problems.push(`${at}: ${given.join(",")} does not answer a ${question.type} question`);
        if (question.answerOption && !matchesOption(answer, question.answerOption)) problems.push(`${at}: answer is not one of the options`);
      }
    }
  }
  if (status === "completed") {
    for (const question of questions) {
      if (question.required && !responses.some((response) => response.linkId === question.linkId)) {
        problems.push(`${path}/${question.linkId}: required but missing from a completed response`);
      }
    }
  }
}

/**
 * Every problem found in `json` as "path: message"; an empty list means the
 * bundle has valid R4 shape and each response fits its Questionnaire.
 */
export function checkR4Bundle(json: unknown): string[] {
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".") || "(bundle)"}: ${issue.message}`);
  const problems: string[] = [];
  const resources = (parsed.data.entry ?? []).map((entry) => entry.resource);
  const questionnaires = new Map<string, z.output<typeof questionnaireSchema>>(
    resources.flatMap((resource) => (resource.resourceType === "Questionnaire" ? [[`${resource.url}|${resource.version}`, resource] as const] : [])),
  );
  resources.forEach((resource, index) => {
    if (resource.resourceType !== "QuestionnaireResponse") return;
    const questionnaire = questionnaires.get(resource.questionnaire);
    if (!questionnaire) {
      problems.push(`entry.${index}: questionnaire ${resource.questionnaire} is not in the bundle`);
      return;
    }
    checkItems(resource.item ?? [], questionnaire.item, resource.status, `entry.${index}`, problems);
  });
  return problems;
}
