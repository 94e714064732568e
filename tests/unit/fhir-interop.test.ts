// The FHIR export as another system would file it: every resource validated
// by Medplum's R4 validator (not our own schema), the Patient and the
// Practitioner present and referenced, PHQ-9 / GAD-7 coded with LOINC and
// their totals equal to the scored answers.
import { describe, expect, it } from "vitest";
import { builtInExercises, gad7, phq9, type Answers } from "@/lib/exercises";
import { buildFhirBundle, fhirCanonicalBase, type FhirBundle } from "@/lib/exports/fhir";
import type { ClientRecord, RecordSubmission, RecordVersion } from "@/lib/exports/load-client-record";
import { recordVersionOf, sampleAnswers } from "@/tests/support/export-fixtures";
import { checkR4Bundle } from "@/tests/support/fhir-r4-schema";
import { medplumProblems } from "@/tests/support/medplum-validator";

const LOINC = "http://loinc.org";
const OPTIONS = { canonicalBase: "https://trellis.example/", now: new Date("2026-03-12T12:00:00Z") };

// Known answers: PHQ-9 2+2+2+2+2+2+1+1+0 = 14, GAD-7 1+2+1+1+0+2+1 = 8.
const PHQ9_ANSWERS = ["2", "2", "2", "2", "2", "2", "1", "1", "0"];
const GAD7_ANSWERS = ["1", "2", "1", "1", "0", "2", "1"];

function answersFor(version: RecordVersion, scores: string[]): Answers {
  return Object.fromEntries(version.fields.slice(0, scores.length).map((field, index) => [field.key, scores[index]!]));
}

function submission(version: RecordVersion, answers: Answers, id: string): RecordSubmission {
  return { id, versionId: version.id, dueOn: "2026-03-11", submittedAt: new Date("2026-03-11T19:45:00Z"), answers, privateKeys: [] };
}

function demoRecord(): ClientRecord {
  const phq = recordVersionOf(phq9);
  const gad = recordVersionOf(gad7);
  const exercises = builtInExercises.map((definition) => recordVersionOf(definition));
  return {
    client: { id: "client-1", displayName: "Robin Example", timeZone: "Europe/London", practiceId: "practice-1" },
    practitioner: { id: "therapist-1", name: "Dr Alex Morgan" },
    versions: [phq, gad, ...exercises],
    submissions: [
      submission(phq, answersFor(phq, PHQ9_ANSWERS), "s-phq"),
      submission(gad, { ...answersFor(gad, GAD7_ANSWERS), difficulty: "somewhat_difficult" }, "s-gad"),
      ...exercises.map((version) => submission(version, sampleAnswers(version.fields), `s-${version.slug}`)),
    ],
    measurements: [],
  };
}

type Resource = { resourceType: string } & Record<string, unknown>;
const resources = (bundle: FhirBundle) => bundle.entry.map((entry) => entry.resource as unknown as Resource);
const ofType = (bundle: FhirBundle, type: string) => resources(bundle).filter((resource) => resource.resourceType === type);
const fullUrlOf = (bundle: FhirBundle, resource: unknown) => bundle.entry.find((entry) => entry.resource === resource)?.fullUrl;
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("the export validates with Medplum's R4 validator", () => {
  const bundle = json(buildFhirBundle(demoRecord(), OPTIONS));

  it("every entry and the bundle itself", async () => {
    for (const entry of bundle.entry) {
      expect(await medplumProblems(entry.resource), `${entry.resource.resourceType} ${entry.fullUrl}`).toEqual([]);
    }
    expect(await medplumProblems(bundle)).toEqual([]);
    // Our own stricter checks (responses against their Questionnaire) still hold.
    expect(checkR4Bundle(bundle)).toEqual([]);
  });

  it("the validator is not a rubber stamp", async () => {
    const broken = json(bundle);
    const find = (type: string) => broken.entry.find((entry) => entry.resource.resourceType === type)!.resource as unknown as Record<string, unknown>;
    const patient = find("Patient");
    patient.nmae = [{ text: "typo" }];
    expect((await medplumProblems(patient)).join("\n")).toMatch(/nmae/);
    const observation = find("Observation");
    observation.valueInteger = 14.5;
    delete observation.code;
    const problems = (await medplumProblems(observation)).join("\n");
    expect(problems).toMatch(/integer/);
    expect(problems).toMatch(/code/);
    const response = find("QuestionnaireResponse");
    response.subject = "Robin Example";
    expect((await medplumProblems(response)).join("\n")).toMatch(/subject/);
  });
});

describe("a Patient and a Practitioner another system can file", () => {
  const bundle = json(buildFhirBundle(demoRecord(), OPTIONS));

  it("carries exactly one of each, named, with identifiers in the practice's namespace", () => {
    const [patient, ...morePatients] = ofType(bundle, "Patient");
    const [practitioner, ...morePractitioners] = ofType(bundle, "Practitioner");
    expect(morePatients).toEqual([]);
    expect(morePractitioners).toEqual([]);
    expect(patient).toMatchObject({ name: [{ text: "Robin Example" }] });
    expect(practitioner).toMatchObject({ name: [{ text: "Dr Alex Morgan" }] });
    const [patientId] = patient!.identifier as { system: string; value: string }[];
    const [practitionerId] = practitioner!.identifier as { system: string; value: string }[];
    expect(patientId!.system).toMatch(/^https:\/\/trellis\.example\/fhir\/practices\/[0-9a-f-]{36}\/clients$/);
    expect(practitionerId!.system).toMatch(/^https:\/\/trellis\.example\/fhir\/practices\/[0-9a-f-]{36}\/practitioners$/);
    // Stable, but not the database id itself.
    expect(patientId!.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(bundle)).not.toContain("client-1");
    expect(JSON.stringify(bundle)).not.toContain("practice-1");
    const again = json(buildFhirBundle(demoRecord(), OPTIONS));
    expect(ofType(again, "Patient")[0]!.identifier).toEqual(patient!.identifier);
  });

  it("every QuestionnaireResponse and Observation references them by a fullUrl in the bundle", () => {
    const patientUrl = fullUrlOf(bundle, ofType(bundle, "Patient")[0]);
    const practitionerUrl = fullUrlOf(bundle, ofType(bundle, "Practitioner")[0]);
    expect(patientUrl).toMatch(/^urn:uuid:/);
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    const responses = ofType(bundle, "QuestionnaireResponse");
    expect(responses).toHaveLength(demoRecord().submissions.length);
    for (const response of responses) {
      expect(response.subject).toEqual({ reference: patientUrl, display: "Robin Example" });
      expect(response.author).toEqual({ reference: practitionerUrl, display: "Dr Alex Morgan" });
      // The client answered the questions themselves.
      expect(response.source).toEqual({ reference: patientUrl, display: "Robin Example" });
    }
    for (const observation of ofType(bundle, "Observation")) {
      expect((observation.subject as { reference: string }).reference).toBe(patientUrl);
      for (const derived of observation.derivedFrom as { reference: string }[]) expect(fullUrls.has(derived.reference)).toBe(true);
    }
    // Every reference anywhere in the bundle resolves inside it.
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(responses.length * 2);
    expect(references.filter((reference) => !fullUrls.has(reference!))).toEqual([]);
  });
});

describe("PHQ-9 and GAD-7 with LOINC codes and totals", () => {
  const bundle = json(buildFhirBundle(demoRecord(), OPTIONS));
  const questionnaire = (slug: string) =>
    ofType(bundle, "Questionnaire").find((resource) => (resource.url as string).endsWith(`/Questionnaire/${slug}`))!;
  const coding = (resource: Record<string, unknown>) => (resource.code as { coding?: unknown[] } | { system: string; code: string }[]);

  it("the Questionnaires carry the panel codes, their items the item codes and LOINC answer codes", () => {
    expect(coding(questionnaire("phq-9"))).toEqual([{ system: LOINC, code: "44249-1", display: "PHQ-9 quick depression assessment panel" }]);
    expect(coding(questionnaire("gad-7"))).toEqual([{ system: LOINC, code: "69737-5", display: "Generalized anxiety disorder 7 item (GAD-7)" }]);
    const phqItems = questionnaire("phq-9").item as { linkId: string; code?: { code: string }[]; answerOption?: { valueCoding: { system?: string; code: string } }[] }[];
    expect(phqItems.map((item) => item.code?.[0]?.code)).toEqual([
      "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8", "69722-7",
    ]);
    expect(phqItems[0]!.answerOption!.map((option) => option.valueCoding)).toEqual([
      { system: LOINC, code: "LA6568-5", display: "Not at all" },
      { system: LOINC, code: "LA6569-3", display: "Several days" },
      { system: LOINC, code: "LA6570-1", display: "More than half the days" },
      { system: LOINC, code: "LA6571-9", display: "Nearly every day" },
    ]);
    const gadItems = questionnaire("gad-7").item as { code?: { code: string }[] }[];
    expect(gadItems.slice(0, 7).map((item) => item.code?.[0]?.code)).toEqual(["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]);
    // Other exercises are Trellis's own: no borrowed codes.
    expect(questionnaire("weekly-trust-check-in").code).toBeUndefined();
  });

  it("a total-score Observation per complete PHQ-9 / GAD-7, equal to the scored answers", () => {
    const observations = ofType(bundle, "Observation");
    const byCode = (code: string) => observations.filter((observation) => (observation.code as { coding: { code: string }[] }).coding[0]!.code === code);
    const [phqTotal, ...otherPhq] = byCode("44261-6");
    const [gadTotal, ...otherGad] = byCode("70274-6");
    // The unfinished PHQ-9 has no total; nothing else is scored.
    expect(otherPhq).toEqual([]);
    expect(otherGad).toEqual([]);
    expect(observations).toHaveLength(2);
    const responseUrl = (id: string) => bundle.entry.find((entry) => entry.resource.resourceType === "QuestionnaireResponse" && entry.fullUrl === fullUrlForSubmission(id))?.fullUrl;
    expect(phqTotal).toMatchObject({
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" }] }],
      code: { coding: [{ system: LOINC, code: "44261-6" }] },
      valueInteger: 14,
      effectiveDateTime: "2026-03-11T19:45:00.000Z",
      derivedFrom: [{ reference: responseUrl("s-phq") }],
      interpretation: [{ text: "Moderate" }],
    });
    expect(gadTotal).toMatchObject({ code: { coding: [{ system: LOINC, code: "70274-6" }] }, valueInteger: 8, derivedFrom: [{ reference: responseUrl("s-gad") }], interpretation: [{ text: "Mild" }] });
    // The response's answers are the LOINC answer codes of the chosen options.
    const phqResponse = bundle.entry.find((entry) => entry.fullUrl === responseUrl("s-phq"))!.resource as unknown as { item: { linkId: string; answer: { valueCoding: { code: string } }[] }[] };
    expect(phqResponse.item.map((item) => item.answer[0]!.valueCoding.code)).toEqual(
      PHQ9_ANSWERS.map((score) => ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"][Number(score)]),
    );
  });

  it("no total for an unfinished questionnaire or another exercise", () => {
    const record = demoRecord();
    const phq = record.versions[0]!;
    const partial = json(buildFhirBundle({ ...record, submissions: [submission(phq, answersFor(phq, PHQ9_ANSWERS.slice(0, 8)), "s-partial")] }, OPTIONS));
    expect(ofType(partial, "Observation")).toEqual([]);
    const exercisesOnly = json(buildFhirBundle({ ...record, submissions: record.submissions.slice(2) }, OPTIONS));
    expect(ofType(exercisesOnly, "Observation")).toEqual([]);
  });

  function fullUrlForSubmission(id: string): string | undefined {
    // The n-th response is the n-th submission.
    const index = demoRecord().submissions.findIndex((candidate) => candidate.id === id);
    return bundle.entry.filter((entry) => entry.resource.resourceType === "QuestionnaireResponse")[index]?.fullUrl;
  }
});

describe("canonical URLs", () => {
  it("come from APP_URL; in production never from the request", () => {
    expect(fhirCanonicalBase({ appUrl: "https://trellis.example.com/", nodeEnv: "production", requestOrigin: "http://localhost:3000" })).toBe("https://trellis.example.com");
    expect(fhirCanonicalBase({ appUrl: "https://example.com/trellis", nodeEnv: "development", requestOrigin: "http://127.0.0.1:3100" })).toBe("https://example.com/trellis");
    expect(() => fhirCanonicalBase({ appUrl: undefined, nodeEnv: "production", requestOrigin: "http://localhost:3000" })).toThrow(/APP_URL/);
    // Development and tests without APP_URL: this machine's address.
    expect(fhirCanonicalBase({ appUrl: undefined, nodeEnv: "test", requestOrigin: "http://127.0.0.1:3100" })).toBe("http://127.0.0.1:3100");
  });

  it("every canonical and identifier system in a bundle sits under that base", () => {
    const bundle = json(buildFhirBundle(demoRecord(), { ...OPTIONS, canonicalBase: "https://clinic.example/trellis" }));
    const text = JSON.stringify(bundle);
    expect(text).not.toMatch(/localhost|trellis\.example\//);
    for (const resource of ofType(bundle, "Questionnaire")) expect(resource.url).toMatch(/^https:\/\/clinic\.example\/trellis\/fhir\/Questionnaire\//);
  });
});
