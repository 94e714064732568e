import { createHash } from "node:crypto";
import { splitScriptTemplate, type AnswerValue, type FieldDefinition } from "@/lib/exercises";
import type { ClientRecord, RecordSubmission, RecordVersion } from "./load-client-record";

/**
 * A client's submissions as a FHIR R4 Bundle (type "collection") so the
 * record can move to an EHR: one Questionnaire per template version used and
 * one QuestionnaireResponse per submission.
 *
 * Privacy and identity choices:
 * - A private answer's item is left out of the response altogether; its text
 *   is never loaded (see load-client-record.ts), so it cannot appear here.
 *   Fields a client may keep private are therefore exported as not required,
 *   which keeps a "completed" response without them valid against its Questionnaire.
 * - The subject is only `{ display: <client name> }`: no Patient resource,
 *   e-mail or Trellis ids travel. The receiving system links the bundle to
 *   its own patient record on import.
 * - Canonical URLs live under the deployment's address (`canonicalBase`),
 *   because version numbers are per database: `roots-of-mistrust|2` means one
 *   exact set of questions only within one Trellis installation.
 * - fullUrls are name-based UUIDs of the row ids, so exporting twice gives the
 *   same urn:uuid for the same submission (an importer can spot duplicates)
 *   without exposing the ids themselves.
 */

export type FhirCoding = { code: string; display: string };

export type FhirAnswerOption = { valueCoding: FhirCoding } | { valueInteger: number };

export type FhirQuestionnaireItem = {
  linkId: string;
  text: string;
  type: "group" | "display" | "boolean" | "decimal" | "integer" | "string" | "text" | "choice";
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  answerOption?: FhirAnswerOption[];
  item?: FhirQuestionnaireItem[];
};

export type FhirQuestionnaire = {
  resourceType: "Questionnaire";
  url: string;
  version: string;
  title: string;
  status: "active";
  description?: string;
  copyright?: string;
  item: FhirQuestionnaireItem[];
};

export type FhirAnswer =
  | { valueString: string }
  | { valueInteger: number }
  | { valueDecimal: number }
  | { valueBoolean: boolean }
  | { valueCoding: FhirCoding };

export type FhirResponseItem = {
  linkId: string;
  text: string;
  answer?: FhirAnswer[];
  item?: FhirResponseItem[];
};

export type FhirQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  questionnaire: string;
  status: "completed";
  subject: { display: string };
  authored: string;
  item?: FhirResponseItem[];
};

export type FhirBundle = {
  resourceType: "Bundle";
  type: "collection";
  timestamp: string;
  entry: { fullUrl: string; resource: FhirQuestionnaire | FhirQuestionnaireResponse }[];
};

const YES_PARTLY_NO: FhirCoding[] = [
  { code: "yes", display: "Yes" },
  { code: "partly", display: "Partly" },
  { code: "no", display: "No" },
];

/** linkIds of script gaps are "<field>.<gap>"; keys never contain dots or hyphens, so none can clash. */
const gapLinkId = (fieldKey: string, gapKey: string) => `${fieldKey}.${gapKey}`;
const sentenceLinkId = (fieldKey: string) => `${fieldKey}-sentence`;

export function buildFhirBundle(record: ClientRecord, options: { canonicalBase: string; now: Date }): FhirBundle {
  const base = options.canonicalBase.replace(/\/+$/, "");
  const versions = new Map(record.versions.map((version) => [version.id, version]));
  const questionnaires = record.versions.map((version) => ({
    fullUrl: urnUuid("questionnaire", version.id),
    resource: toQuestionnaire(version, base),
  }));
  const responses = record.submissions.flatMap((submission) => {
    const version = versions.get(submission.versionId);
    if (!version) return [];
    return [
      {
        fullUrl: urnUuid("submission", submission.id),
        resource: toQuestionnaireResponse(submission, version, base, record.client.displayName),
      },
    ];
  });
  return { resourceType: "Bundle", type: "collection", timestamp: options.now.toISOString(), entry: [...questionnaires, ...responses] };
}

/** The canonical URL of a template (without version); a practice's own templates have no slug, so their id stands in. */
export function questionnaireUrl(version: RecordVersion, canonicalBase: string): string {
  return `${canonicalBase}/fhir/Questionnaire/${version.slug ?? version.templateId}`;
}

function toQuestionnaire(version: RecordVersion, base: string): FhirQuestionnaire {
  return {
    resourceType: "Questionnaire",
    url: questionnaireUrl(version, base),
    version: String(version.version),
    title: version.title,
    status: "active",
    description: version.purpose,
    // Published instruments (PHQ-9, GAD-7) carry a required credit line.
    ...(version.details.attribution ? { copyright: version.details.attribution } : {}),
    item: version.fields.map(toQuestionnaireItem),
  };
}

function toQuestionnaireItem(field: FieldDefinition): FhirQuestionnaireItem {
  const common = { linkId: field.key, text: field.label };
  switch (field.type) {
    case "short_text":
      return { ...common, type: "string", required: field.required, maxLength: field.maxLength };
    case "long_text":
      // A private answer is withheld from the export, so it cannot be required there.
      return { ...common, type: "text", required: field.required && !field.privateAllowed, maxLength: field.maxLength };
    case "scale": {
      const steps = Array.from({ length: field.max - field.min + 1 }, (_, index) => ({ valueInteger: field.min + index }));
      return { ...common, type: "integer", required: field.required, answerOption: steps };
    }
    case "number":
      return { ...common, type: field.integer ? "integer" : "decimal", required: field.required };
    case "single_choice":
      return { ...common, type: "choice", required: field.required, answerOption: codings(field.options) };
    case "yes_partly_no":
      return { ...common, type: "choice", required: field.required, answerOption: YES_PARTLY_NO.map((valueCoding) => ({ valueCoding })) };
    case "multi_choice":
      // FHIR has no "none of these" answer, only absence: a checklist where
      // ticking nothing is complete cannot be required.
      return {
        ...common,
        type: "choice",
        repeats: true,
        required: field.required && field.minSelected > 0,
        answerOption: codings(field.options),
      };
    case "script":
      return {
        ...common,
        type: "group",
        required: field.required,
        item: [
          { linkId: sentenceLinkId(field.key), text: sentenceWithGaps(field.template), type: "display" },
          ...field.blanks.map((blank) => ({
            linkId: gapLinkId(field.key, blank.key),
            text: blank.label,
            type: "string" as const,
            required: field.required,
            maxLength: blank.maxLength,
          })),
        ],
      };
    case "timer":
      // The stored result is whether the guided step was completed.
      return { ...common, type: "boolean", required: field.required };
  }
}

function codings(options: readonly { value: string; label: string }[]): FhirAnswerOption[] {
  return options.map((option) => ({ valueCoding: { code: option.value, display: option.label } }));
}

/** "I feel ___ when ___." so a reader of the EHR sees what the gaps completed. */
function sentenceWithGaps(template: string): string {
  return splitScriptTemplate(template)
    .map((segment) => (segment.kind === "text" ? segment.text : "___"))
    .join("");
}

function toQuestionnaireResponse(
  submission: RecordSubmission,
  version: RecordVersion,
  base: string,
  clientName: string,
): FhirQuestionnaireResponse {
  const items = version.fields.flatMap((field) => {
    if (submission.privateKeys.includes(field.key)) return [];
    const item = toResponseItem(field, submission.answers[field.key]);
    return item ? [item] : [];
  });
  return {
    resourceType: "QuestionnaireResponse",
    questionnaire: `${questionnaireUrl(version, base)}|${version.version}`,
    status: "completed",
    subject: { display: clientName },
    authored: submission.submittedAt.toISOString(),
    // FHIR JSON forbids empty arrays.
    ...(items.length ? { item: items } : {}),
  };
}

/** The response item for one answer, or null when there is nothing to say (unanswered or unreadable). */
function toResponseItem(field: FieldDefinition, value: AnswerValue | undefined): FhirResponseItem | null {
  const common = { linkId: field.key, text: field.label };
  if (field.type === "script") {
    const gaps: Record<string, unknown> = isRecord(value) ? value : {};
    const children = field.blanks.flatMap((blank) => {
      const text = gaps[blank.key];
      return isText(text) ? [{ linkId: gapLinkId(field.key, blank.key), text: blank.label, answer: [{ valueString: text }] }] : [];
    });
    return children.length ? { ...common, item: children } : null;
  }
  const answer = toAnswers(field, value);
  return answer.length ? { ...common, answer } : null;
}

function toAnswers(field: Exclude<FieldDefinition, { type: "script" }>, value: AnswerValue | undefined): FhirAnswer[] {
  switch (field.type) {
    case "short_text":
    case "long_text":
      // FHIR strings may not be empty.
      return isText(value) ? [{ valueString: value }] : [];
    case "scale":
      return Number.isInteger(value) ? [{ valueInteger: value as number }] : [];
    case "number":
      if (field.integer) return Number.isInteger(value) ? [{ valueInteger: value as number }] : [];
      return typeof value === "number" && Number.isFinite(value) ? [{ valueDecimal: value }] : [];
    case "single_choice":
      return codingsFor(codings(field.options), [value]);
    case "yes_partly_no":
      return codingsFor(YES_PARTLY_NO.map((valueCoding) => ({ valueCoding })), [value]);
    case "multi_choice":
      return codingsFor(codings(field.options), Array.isArray(value) ? [...new Set(value)] : []);
    case "timer":
      return isRecord(value) && typeof value.completed === "boolean" ? [{ valueBoolean: value.completed }] : [];
  }
}

/** Only values that are among the question's own options, in the order given. */
function codingsFor(options: FhirAnswerOption[], values: readonly unknown[]): FhirAnswer[] {
  return values.flatMap((value) => {
    const option = options.find((candidate) => "valueCoding" in candidate && candidate.valueCoding.code === value);
    return option && "valueCoding" in option ? [{ valueCoding: option.valueCoding }] : [];
  });
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A name-based UUID (RFC 9562 version 8, SHA-256) in the urn:uuid form FHIR bundles use. */
function urnUuid(kind: string, id: string): string {
  const bytes = createHash("sha256").update(`trellis:${kind}:${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
