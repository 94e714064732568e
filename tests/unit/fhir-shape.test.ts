import { describe, expect, it } from "vitest";
import {
  builtInExercises,
  defineExercise,
  standardizedMeasures,
  type Answers,
  type ExerciseDefinition,
  type FieldType,
} from "@/lib/exercises";
import { buildFhirBundle, type FhirBundle, type FhirQuestionnaire, type FhirQuestionnaireResponse } from "@/lib/exports/fhir";
import type { ClientRecord, RecordSubmission, RecordVersion } from "@/lib/exports/load-client-record";
import { builtIn, recordVersionOf, sampleAnswers } from "@/tests/support/export-fixtures";
import { checkR4Bundle } from "@/tests/support/fhir-r4-schema";

const EVERY_EXERCISE = [...builtInExercises, ...standardizedMeasures];
const OPTIONS = { canonicalBase: "https://trellis.example/", now: new Date("2026-03-12T12:00:00Z") };

/** The R4 item type and answer value[x] each Trellis field type must become. */
const MAPPING: Record<FieldType, { type: string; value: string | null }> = {
  short_text: { type: "string", value: "valueString" },
  long_text: { type: "text", value: "valueString" },
  scale: { type: "integer", value: "valueInteger" },
  number: { type: "integer", value: "valueInteger" },
  single_choice: { type: "choice", value: "valueCoding" },
  yes_partly_no: { type: "choice", value: "valueCoding" },
  multi_choice: { type: "choice", value: "valueCoding" },
  script: { type: "group", value: null },
  timer: { type: "boolean", value: "valueBoolean" },
};

function submissionOf(version: RecordVersion, answers: Answers, privateKeys: string[] = [], id = `submission-${version.id}`): RecordSubmission {
  return { id, versionId: version.id, dueOn: "2026-03-11", submittedAt: new Date("2026-03-11T19:45:00Z"), answers, privateKeys };
}

function recordOf(versions: RecordVersion[], submissions: RecordSubmission[]): ClientRecord {
  return {
    client: { id: "client-1", displayName: "Robin Example", timeZone: "Europe/London", practiceId: "practice-1" },
    practitioner: { id: "therapist-1", name: "Alex Therapist" },
    versions,
    submissions,
    measurements: [],
  };
}

function bundleFor(definitions: readonly ExerciseDefinition[]): FhirBundle {
  const versions = definitions.map((definition) => recordVersionOf(definition));
  return buildFhirBundle(recordOf(versions, versions.map((version) => submissionOf(version, sampleAnswers(version.fields)))), OPTIONS);
}

const questionnairesIn = (bundle: FhirBundle) =>
  bundle.entry.flatMap((entry) => (entry.resource.resourceType === "Questionnaire" ? [entry.resource] : []));
const responsesIn = (bundle: FhirBundle) =>
  bundle.entry.flatMap((entry) => (entry.resource.resourceType === "QuestionnaireResponse" ? [entry.resource] : []));

/** A JSON round trip: what a receiving system actually parses. */
const asJson = (bundle: FhirBundle): unknown => JSON.parse(JSON.stringify(bundle));

describe("FHIR R4 bundle for every built-in exercise and measure", () => {
  it("covers every field type", () => {
    const types = new Set(EVERY_EXERCISE.flatMap((definition) => definition.fields.map((field) => field.type)));
    expect([...types].sort()).toEqual(Object.keys(MAPPING).sort());
  });

  it.each(EVERY_EXERCISE.map((definition) => [definition.slug, definition] as const))("%s has valid R4 shape", (_slug, definition) => {
    const bundle = bundleFor([definition]);
    expect(checkR4Bundle(asJson(bundle))).toEqual([]);

    const [questionnaire] = questionnairesIn(bundle);
    const [response] = responsesIn(bundle);
    expect(questionnaire).toMatchObject({ url: `https://trellis.example/fhir/Questionnaire/${definition.slug}`, version: "1", status: "active", title: definition.title });
    expect(response).toMatchObject({ questionnaire: `${questionnaire!.url}|1`, status: "completed", authored: "2026-03-11T19:45:00.000Z", subject: { display: "Robin Example" } });

    for (const field of definition.fields) {
      const question = questionnaire!.item.find((item) => item.linkId === field.key);
      expect(question?.type, field.key).toBe(MAPPING[field.type].type);
      expect(question?.text).toBe(field.label);
      const answered = response!.item?.find((item) => item.linkId === field.key);
      const value = MAPPING[field.type].value;
      if (value) {
        expect(answered?.answer?.every((answer) => Object.keys(answer).join() === value), field.key).toBe(true);
      } else {
        // Script gaps: a group of string answers, one per blank.
        expect(answered?.item?.map((item) => Object.keys(item.answer![0]!).join())).toEqual(question!.item!.filter((item) => item.type === "string").map(() => "valueString"));
      }
    }
    if (definition.attribution) expect(questionnaire!.copyright).toBe(definition.attribution);
  });

  it("puts them all in one bundle: one Questionnaire per version, unique fullUrls", () => {
    const bundle = bundleFor(EVERY_EXERCISE);
    expect(checkR4Bundle(asJson(bundle))).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection", timestamp: "2026-03-12T12:00:00.000Z" });
    expect(questionnairesIn(bundle)).toHaveLength(EVERY_EXERCISE.length);
    expect(responsesIn(bundle)).toHaveLength(EVERY_EXERCISE.length);
    expect(new Set(bundle.entry.map((entry) => entry.fullUrl)).size).toBe(bundle.entry.length);
  });
});

describe("answer mapping details", () => {
  const checkIn = builtIn("weekly-trust-check-in");

  it("maps choices to codings with the option's label, multi-choice repeating", () => {
    const triggerLog = builtIn("trigger-log");
    const bundle = bundleFor([triggerLog]);
    const [questionnaire] = questionnairesIn(bundle);
    const [response] = responsesIn(bundle);
    const whatIDid = triggerLog.fields.find((field) => field.key === "what_i_did");
    expect(whatIDid?.type).toBe("multi_choice");
    expect(questionnaire!.item.find((item) => item.linkId === "what_i_did")).toMatchObject({ type: "choice", repeats: true });
    const answers = response!.item?.find((item) => item.linkId === "what_i_did")?.answer;
    expect(answers?.length).toBeGreaterThan(1);
    if (whatIDid?.type === "multi_choice") {
      expect(answers?.[0]).toEqual({ valueCoding: { code: whatIDid.options[0]!.value, display: whatIDid.options[0]!.label } });
    }
  });

  it("keeps decimals as valueDecimal and names a practice's own template by its id", () => {
    const custom = defineExercise({
      slug: "custom-sleep",
      title: "Sleep diary",
      kind: "log",
      purpose: "Notice how sleep and worry go together.",
      estimatedMinutes: 2,
      allowsMultiplePerDay: false,
      fields: [{ key: "hours", type: "number", label: "Hours slept", integer: false, min: 0, max: 24 }],
    });
    const version = { ...recordVersionOf(custom), slug: null, templateId: "tmpl_custom_1" };
    const bundle = buildFhirBundle(recordOf([version], [submissionOf(version, { hours: 6.5 })]), OPTIONS);
    expect(checkR4Bundle(asJson(bundle))).toEqual([]);
    expect(questionnairesIn(bundle)[0]).toMatchObject({ url: "https://trellis.example/fhir/Questionnaire/tmpl_custom_1", item: [{ linkId: "hours", type: "decimal" }] });
    expect(responsesIn(bundle)[0]!.item).toEqual([{ linkId: "hours", text: "Hours slept", answer: [{ valueDecimal: 6.5 }] }]);
  });

  it("leaves out unanswered questions and an empty checklist, and stays valid", () => {
    const selfCheck = builtIn("signs-of-mistrust-self-check");
    const iStatement = builtIn("i-statement-builder");
    const withoutOptional = Object.fromEntries(Object.entries(sampleAnswers(iStatement.fields)).filter(([key]) => key !== "how_it_went"));
    const versions = [recordVersionOf(selfCheck), recordVersionOf(iStatement)];
    const submissions = [submissionOf(versions[0]!, { signs: [] }), submissionOf(versions[1]!, withoutOptional)];
    const bundle = buildFhirBundle(recordOf(versions, submissions), OPTIONS);
    expect(checkR4Bundle(asJson(bundle))).toEqual([]);
    const [selfCheckResponse, iStatementResponse] = responsesIn(bundle);
    expect(selfCheckResponse!.item).toBeUndefined();
    expect(iStatementResponse!.item?.map((item) => item.linkId)).toEqual(["statement", "hoped_reply", "used_it"]);
  });

  it("gives the same urn:uuid to the same rows on every export", () => {
    const first = bundleFor([checkIn]);
    const second = bundleFor([checkIn]);
    expect(second.entry.map((entry) => entry.fullUrl)).toEqual(first.entry.map((entry) => entry.fullUrl));
  });
});

describe("private answers", () => {
  const letter = builtIn("letter-to-younger-self");
  const MARKER = "PRIVATE-fhir-unit-marker";

  function privateLetterBundle() {
    const version = recordVersionOf(letter);
    // Even if private text ever reached the builder, privateKeys keeps it out.
    const submission = submissionOf(version, { letter: `Dear me ${MARKER}`, how_it_felt: "Lighter" }, ["letter"]);
    return buildFhirBundle(recordOf([version], [submission]), OPTIONS);
  }

  it("omits the private item and its text, and the bundle is still valid", () => {
    const bundle = privateLetterBundle();
    expect(JSON.stringify(bundle)).not.toContain(MARKER);
    expect(responsesIn(bundle)[0]!.item).toEqual([{ linkId: "how_it_felt", text: letter.fields[1]!.label, answer: [{ valueString: "Lighter" }] }]);
    // Questions a client may keep private cannot be required in the export.
    expect(questionnairesIn(bundle)[0]!.item.find((item) => item.linkId === "letter")?.required).toBe(false);
    expect(checkR4Bundle(asJson(bundle))).toEqual([]);
  });

  it("names the client by display name and a reference to the bundle's Patient, nothing else", () => {
    const bundle = privateLetterBundle();
    const response = responsesIn(bundle)[0]!;
    const patient = bundle.entry.find((entry) => entry.resource.resourceType === "Patient")!;
    expect(response.subject).toEqual({ reference: patient.fullUrl, display: "Robin Example" });
    expect(Object.keys(response).sort()).toEqual(["author", "authored", "item", "questionnaire", "resourceType", "source", "status", "subject"]);
    expect(Object.keys(patient.resource).sort()).toEqual(["identifier", "name", "resourceType"]);
  });
});

describe("the shape validator itself", () => {
  const valid = () => asJson(bundleFor([builtIn("weekly-trust-check-in"), builtIn("i-statement-builder")])) as FhirBundle;
  const response = (bundle: FhirBundle) => bundle.entry.find((entry) => entry.resource.resourceType === "QuestionnaireResponse")!.resource as FhirQuestionnaireResponse;
  const questionnaire = (bundle: FhirBundle) => bundle.entry.find((entry) => entry.resource.resourceType === "Questionnaire")!.resource as FhirQuestionnaire;

  it.each<[string, (bundle: FhirBundle) => void, RegExp]>([
    ["an unknown status", (b) => Object.assign(response(b), { status: "done" }), /status/],
    ["a wrong bundle type", (b) => Object.assign(b, { type: "bag" }), /type/],
    ["a fullUrl that is not a urn:uuid", (b) => Object.assign(b.entry[0]!, { fullUrl: "Questionnaire/1" }), /urn:uuid/],
    ["a reference to a resource not in the bundle", (b) => Object.assign(response(b), { author: { reference: "urn:uuid:00000000-0000-8000-8000-000000000000", display: "?" } }), /not an entry of the bundle/],
    ["an unknown item type", (b) => Object.assign(questionnaire(b).item[0]!, { type: "number" }), /type/],
    ["a string answering an integer question", (b) => Object.assign(response(b).item![0]!, { answer: [{ valueString: "6" }] }), /valueString does not answer a integer/],
    ["two value[x] in one answer", (b) => Object.assign(response(b).item![0]!, { answer: [{ valueInteger: 6, valueString: "6" }] }), /exactly one value\[x\]/],
    ["an empty string", (b) => Object.assign(response(b).item![0]!, { answer: [{ valueString: "" }] }), /must not be empty/],
    ["an answer outside the options", (b) => Object.assign(response(b).item![0]!, { answer: [{ valueInteger: 11 }] }), /not one of the options/],
    ["an unknown linkId", (b) => Object.assign(response(b).item![0]!, { linkId: "nope" }), /no question with this linkId/],
    ["a missing required answer", (b) => response(b).item!.splice(0, 1), /required but missing/],
    ["a misspelt element", (b) => Object.assign(response(b).item![0]!, { answer: [{ valueinteger: 6 }] }), /valueinteger|Unrecognized/],
    ["a response to a Questionnaire not in the bundle", (b) => Object.assign(response(b), { questionnaire: "https://elsewhere.example/Q|1" }), /not in the bundle/],
  ])("rejects %s", (_name, mutate, pattern) => {
    const bundle = valid();
    expect(checkR4Bundle(bundle)).toEqual([]);
    mutate(bundle);
    const problems = checkR4Bundle(bundle);
    expect(problems.join("\n")).toMatch(pattern);
  });
});
