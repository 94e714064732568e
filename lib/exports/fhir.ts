import { createHash } from "node:crypto";
import { splitScriptTemplate, type AnswerValue, type FieldDefinition } from "@/lib/exercises";
import { loincInstrument, type LoincInstrument } from "./fhir-loinc";
import type { ClientRecord, RecordSubmission, RecordVersion } from "./load-client-record";

/**
 * A client's submissions as a FHIR R4 Bundle (type "collection") so the
 * record can move to an EHR: a Patient (the client) and a Practitioner (their
 * clinician), one Questionnaire per template version used, one
 * QuestionnaireResponse per submission, and for a complete PHQ-9 or GAD-7 an
 * Observation with its LOINC total score, derived from that response.
 *
 * Privacy and identity choices:
 * - A private answer's item is left out of the response altogether; its text
 *   is never loaded (see load-client-record.ts), so it cannot appear here.
 *   Fields a client may keep private are therefore exported as not required,
 *   which keeps a "completed" response without them valid against its Questionnaire.
 * - The Patient carries the client's name and one identifier: a stable
 *   name-based UUID in this practice's namespace (`<base>/fhir/practices/<uuid>/clients`),
 *   so a receiving system can file a later export against the same person.
 *   No e-mail, no date of birth, no Trellis row ids travel.
 * - The client answered the questions (source → Patient); the clinician
 *   assigned and received them (author → Practitioner).
 * - Canonical URLs live under the deployment's address (`canonicalBase`, from
 *   APP_URL: see fhirCanonicalBase), because version numbers are per
 *   database: `roots-of-mistrust|2` means one exact set of questions only
 *   within one Trellis installation. PHQ-9 and GAD-7 also carry their LOINC
 *   panel, item and answer codes, which mean the same everywhere.
 * - fullUrls are name-based UUIDs of the row ids, so exporting twice gives the
 *   same urn:uuid for the same submission (an importer can spot duplicates)
 *   without exposing the ids themselves.
 */

export type FhirCoding = { system?: string; code: string; display: string };

export type FhirAnswerOption = { valueCoding: FhirCoding } | { valueInteger: number };

export type FhirQuestionnaireItem = {
  linkId: string;
  text: string;
  type: "group" | "display" | "boolean" | "decimal" | "integer" | "string" | "text" | "choice";
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  code?: FhirCoding[];
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
  code?: FhirCoding[];
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

export type FhirReference = { reference: string; display: string };

export type FhirQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  questionnaire: string;
  status: "completed";
  subject: FhirReference;
  authored: string;
  author: FhirReference;
  source: FhirReference;
  item?: FhirResponseItem[];
};

export type FhirIdentifier = { system: string; value: string };

export type FhirPatient = { resourceType: "Patient"; identifier: FhirIdentifier[]; name: { text: string }[] };

export type FhirPractitioner = { resourceType: "Practitioner"; identifier: FhirIdentifier[]; name: { text: string }[] };

export type FhirObservation = {
  resourceType: "Observation";
  status: "final";
  category: { coding: FhirCoding[] }[];
  code: { coding: FhirCoding[]; text: string };
  subject: FhirReference;
  effectiveDateTime: string;
  valueInteger: number;
  interpretation: { text: string }[];
  derivedFrom: { reference: string }[];
};

export type FhirResource = FhirPatient | FhirPractitioner | FhirQuestionnaire | FhirQuestionnaireResponse | FhirObservation;

export type FhirBundle = {
  resourceType: "Bundle";
  type: "collection";
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
};

const YES_PARTLY_NO: FhirCoding[] = [
  { code: "yes", display: "Yes" },
  { code: "partly", display: "Partly" },
  { code: "no", display: "No" },
];

/** linkIds of script gaps are "<field>.<gap>"; keys never contain dots or hyphens, so none can clash. */
const gapLinkId = (fieldKey: string, gapKey: string) => `${fieldKey}.${gapKey}`;
const sentenceLinkId = (fieldKey: string) => `${fieldKey}-sentence`;

/**
 * The address canonical URLs and identifier systems live under: APP_URL.
 * Only in development and tests, where APP_URL may be unset, this request's
 * origin stands in; production refuses rather than name `localhost` in a
 * record another system keeps for years (lib/env.ts already requires APP_URL there).
 */
export function fhirCanonicalBase(args: { appUrl: string | undefined; nodeEnv: string | undefined; requestOrigin: string }): string {
  if (args.appUrl) return args.appUrl.replace(/\/+$/, "");
  if (args.nodeEnv === "production") throw new Error("APP_URL is required in production for FHIR canonical URLs.");
  return args.requestOrigin.replace(/\/+$/, "");
}

type Parties = { patient: FhirReference; practitioner: FhirReference };

export function buildFhirBundle(record: ClientRecord, options: { canonicalBase: string; now: Date }): FhirBundle {
  const base = options.canonicalBase.replace(/\/+$/, "");
  const namespace = `${base}/fhir/practices/${uuid("practice", record.client.practiceId)}`;
  const patient = { fullUrl: urnUuid("client", record.client.id), resource: toPatient(record, namespace) };
  const practitioner = { fullUrl: urnUuid("practitioner", record.practitioner.id), resource: toPractitioner(record, namespace) };
  const parties: Parties = {
    patient: { reference: patient.fullUrl, display: record.client.displayName },
    practitioner: { reference: practitioner.fullUrl, display: record.practitioner.name },
  };

  const versions = new Map(record.versions.map((version) => [version.id, version]));
  const questionnaires = record.versions.map((version) => ({
    fullUrl: urnUuid("questionnaire", version.id),
    resource: toQuestionnaire(version, base),
  }));
  const responses: FhirBundle["entry"] = [];
  const observations: FhirBundle["entry"] = [];
  for (const submission of record.submissions) {
    const version = versions.get(submission.versionId);
    if (!version) continue;
    const fullUrl = urnUuid("submission", submission.id);
    const response = toQuestionnaireResponse(submission, version, base, parties);
    responses.push({ fullUrl, resource: response });
    const total = totalScoreObservation(submission, version, fullUrl, response.authored, parties);
    if (total) observations.push({ fullUrl: urnUuid("total", submission.id), resource: total });
  }
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: options.now.toISOString(),
    entry: [patient, practitioner, ...questionnaires, ...responses, ...observations],
  };
}

function toPatient(record: ClientRecord, namespace: string): FhirPatient {
  return {
    resourceType: "Patient",
    identifier: [{ system: `${namespace}/clients`, value: uuid("client", record.client.id) }],
    name: [{ text: record.client.displayName }],
  };
}

function toPractitioner(record: ClientRecord, namespace: string): FhirPractitioner {
  return {
    resourceType: "Practitioner",
    identifier: [{ system: `${namespace}/practitioners`, value: uuid("practitioner", record.practitioner.id) }],
    name: [{ text: record.practitioner.name }],
  };
}

const SURVEY = { system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" };

/** The instrument's total as its own LOINC-coded Observation; none for an unfinished questionnaire or any other exercise. */
function totalScoreObservation(
  submission: RecordSubmission,
  version: RecordVersion,
  responseUrl: string,
  authored: string,
  parties: Parties,
): FhirObservation | null {
  const instrument = loincInstrument(version.slug);
  const scored = instrument?.score(submission.answers);
  if (!instrument || !scored) return null;
  return {
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [SURVEY] }],
    code: { coding: [instrument.total], text: `${version.title}: total score` },
    subject: parties.patient,
    effectiveDateTime: authored,
    valueInteger: scored.total,
    interpretation: [{ text: scored.band }],
    derivedFrom: [{ reference: responseUrl }],
  };
}

/** The canonical URL of a template (without version); a practice's own templates have no slug, so their id stands in. */
export function questionnaireUrl(version: RecordVersion, canonicalBase: string): string {
  return `${canonicalBase}/fhir/Questionnaire/${version.slug ?? version.templateId}`;
}

function toQuestionnaire(version: RecordVersion, base: string): FhirQuestionnaire {
  const instrument = loincInstrument(version.slug);
  return {
    resourceType: "Questionnaire",
    url: questionnaireUrl(version, base),
    version: String(version.version),
    title: version.title,
    status: "active",
    description: version.purpose,
    // Published instruments (PHQ-9, GAD-7) carry a required credit line.
    ...(version.details.attribution ? { copyright: version.details.attribution } : {}),
    ...(instrument ? { code: [instrument.panel] } : {}),
    item: version.fields.map((field) => toQuestionnaireItem(field, instrument)),
  };
}

function toQuestionnaireItem(field: FieldDefinition, instrument: LoincInstrument | null): FhirQuestionnaireItem {
  const itemCode = instrument?.items[field.key];
  const common = {
    linkId: field.key,
    text: field.label,
    ...(itemCode ? { code: [{ system: instrument!.panel.system, code: itemCode, display: field.label }] } : {}),
  };
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
      return { ...common, type: "choice", required: field.required, answerOption: codings(field.options, instrument) };
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

/**
 * A question's options as codings. The instruments' scored frequency options
 * become their LOINC answers (LA6568-5 …); everything else keeps Trellis's
 * own option values, without a system, since they mean nothing outside it.
 */
function codings(options: readonly { value: string; label: string; score?: number }[], instrument?: LoincInstrument | null): FhirAnswerOption[] {
  const scored = options.every((option) => option.score !== undefined);
  return options.map((option) => {
    const standard = instrument && scored ? instrument.answers[option.value] : undefined;
    return { valueCoding: standard ?? { code: option.value, display: option.label } };
  });
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
  parties: Parties,
): FhirQuestionnaireResponse {
  const instrument = loincInstrument(version.slug);
  const items = version.fields.flatMap((field) => {
    if (submission.privateKeys.includes(field.key)) return [];
    const item = toResponseItem(field, submission.answers[field.key], instrument);
    return item ? [item] : [];
  });
  return {
    resourceType: "QuestionnaireResponse",
    questionnaire: `${questionnaireUrl(version, base)}|${version.version}`,
    status: "completed",
    subject: parties.patient,
    authored: submission.submittedAt.toISOString(),
    author: parties.practitioner,
    source: parties.patient,
    // FHIR JSON forbids empty arrays.
    ...(items.length ? { item: items } : {}),
  };
}

/** The response item for one answer, or null when there is nothing to say (unanswered or unreadable). */
function toResponseItem(field: FieldDefinition, value: AnswerValue | undefined, instrument: LoincInstrument | null): FhirResponseItem | null {
  const common = { linkId: field.key, text: field.label };
  if (field.type === "script") {
    const gaps: Record<string, unknown> = isRecord(value) ? value : {};
    const children = field.blanks.flatMap((blank) => {
      const text = gaps[blank.key];
      return isText(text) ? [{ linkId: gapLinkId(field.key, blank.key), text: blank.label, answer: [{ valueString: text }] }] : [];
    });
    return children.length ? { ...common, item: children } : null;
  }
  const answer = toAnswers(field, value, instrument);
  return answer.length ? { ...common, answer } : null;
}

function toAnswers(
  field: Exclude<FieldDefinition, { type: "script" }>,
  value: AnswerValue | undefined,
  instrument: LoincInstrument | null,
): FhirAnswer[] {
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
      return codingsFor(codings(field.options, instrument), field.options, [value]);
    case "yes_partly_no":
      return codingsFor(YES_PARTLY_NO.map((valueCoding) => ({ valueCoding })), YES_PARTLY_NO.map(({ code }) => ({ value: code })), [value]);
    case "multi_choice":
      return codingsFor(codings(field.options), field.options, Array.isArray(value) ? [...new Set(value)] : []);
    case "timer":
      return isRecord(value) && typeof value.completed === "boolean" ? [{ valueBoolean: value.completed }] : [];
  }
}

/** Only values that are among the question's own options, in the order given, as that option's coding. */
function codingsFor(coded: FhirAnswerOption[], options: readonly { value: string }[], values: readonly unknown[]): FhirAnswer[] {
  return values.flatMap((value) => {
    const option = coded[options.findIndex((candidate) => candidate.value === value)];
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
  return `urn:uuid:${uuid(kind, id)}`;
}

function uuid(kind: string, id: string): string {
  const bytes = createHash("sha256").update(`trellis:${kind}:${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
