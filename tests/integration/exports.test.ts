// Client record exports against a real database: what a therapist downloads
// (CSV and FHIR), that text a client kept private is in none of it, that
// drafts and other clients' entries stay out, and that another therapist gets
// "not found". The route handler is called directly; only the session lookup
// is replaced (a signed-in browser cannot be faked here), never the database.
import { db } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/clients/[clientId]/export/route";
import { getIdentity, type Identity } from "@/lib/auth/session";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf } from "@/lib/dates/local-date";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { KEPT_PRIVATE, measurementsCsv, submissionsCsv } from "@/lib/exports/client-csv";
import { buildFhirBundle, type FhirQuestionnaireResponse } from "@/lib/exports/fhir";
import { loadClientRecord } from "@/lib/exports/load-client-record";
import { saveDraft } from "@/lib/homework/save-draft";
import { submitEntry } from "@/lib/homework/submit-entry";
import { builtIn } from "@/tests/support/export-fixtures";
import { checkR4Bundle } from "@/tests/support/fhir-r4-schema";
import { medplumProblems } from "@/tests/support/medplum-validator";
import { assignBuiltIn, checkInAnswers, createClientIn, microPromiseAnswers, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { parseCsv } from "@/tests/support/parse-csv";

vi.mock("@/lib/auth/session", () => ({ getIdentity: vi.fn() }));

const ZONE = "America/New_York";
const START = "2026-03-09";
const TODAY = "2026-03-12";
const NOW = instantOf(TODAY, "12:00", ZONE);
const CREATED = instantOf(START, "09:00", ZONE);

const TITLES = {
  letter: builtIn("letter-to-younger-self").title,
  checkIn: builtIn("weekly-trust-check-in").title,
  promises: builtIn("micro-promises").title,
};

const PRIVATE_MARKER = `PRIVATE-${randomUUID()}`;
const DRAFT_MARKER = `DRAFT-${randomUUID()}`;
const OTHER_CLIENT_MARKER = `OTHER-${randomUUID()}`;

let therapistA: Awaited<ReturnType<typeof createTherapist>>;
let therapistB: Awaited<ReturnType<typeof createTherapist>>;
let clientId: string;
let otherClientId: string;
let letterSubmissionId: string;

function identityOf(therapist: typeof therapistA): Identity {
  return {
    role: "THERAPIST",
    practiceRole: "OWNER",
    userId: therapist.user.id,
    practiceId: therapist.user.practiceId,
    name: "Dr Test Therapist",
    email: therapist.email,
    timeZone: "Europe/London",
    sessionId: "export-test-session",
  };
}

beforeAll(async () => {
  therapistA = await createTherapist();
  therapistB = await createTherapist();
  const client = await createClientIn(therapistA.scope, ZONE, "Jordan Ríos");
  clientId = client.clientId;

  const letter = await assignBuiltIn(therapistA.scope, "letter-to-younger-self", clientId, { scheduleType: "ONCE", startDate: START, dueDate: "2026-03-10" }, CREATED);
  const checkIn = await assignBuiltIn(therapistA.scope, "weekly-trust-check-in", clientId, { scheduleType: "ONCE", startDate: START, dueDate: "2026-03-11" }, CREATED);
  const promises = await assignBuiltIn(therapistA.scope, "micro-promises", clientId, { scheduleType: "DAILY", startDate: START }, CREATED);

  const submit = (assignmentId: string, entryKey: string, answers: Record<string, unknown>, privateKeys: string[] = []) =>
    submitEntry(client.scope, { assignmentId, entryKey, answers, privateKeys, baseVersion: 0 }, NOW);
  letterSubmissionId = (
    await submit(letter, "2026-03-10", { letter: `Dear little me, it was never your fault. ${PRIVATE_MARKER}`, how_it_felt: "=SUM(1,2) felt odd, but lighter" }, ["letter"])
  ).submissionId;
  await submit(checkIn, "2026-03-11", checkInAnswers());
  await submit(promises, "2026-03-10", microPromiseAnswers({ kept: "partly" }));
  // Unsubmitted work is the client's alone.
  await saveDraft(client.scope, { assignmentId: promises, entryKey: TODAY, answers: { promise: DRAFT_MARKER }, privateKeys: [], baseVersion: 0 }, NOW);

  const other = await createClientIn(therapistA.scope, ZONE, "Other Client");
  otherClientId = other.clientId;
  const otherPromises = await assignBuiltIn(therapistA.scope, "micro-promises", otherClientId, { scheduleType: "DAILY", startDate: START }, CREATED);
  await submitEntry(other.scope, { assignmentId: otherPromises, entryKey: "2026-03-10", answers: microPromiseAnswers({ promise: OTHER_CLIENT_MARKER }), privateKeys: [], baseVersion: 0 }, NOW);
});

describe("loadClientRecord + the CSV and FHIR writers", () => {
  it("lists submitted answers, with the private one marked and its text nowhere", async () => {
    const record = await loadClientRecord(therapistA.scope, clientId);
    const csv = submissionsCsv(record);
    const fhir = JSON.stringify(buildFhirBundle(record, { canonicalBase: "https://trellis.example", now: NOW }));

    for (const output of [JSON.stringify(record), csv, fhir]) {
      expect(output).not.toContain(PRIVATE_MARKER);
      expect(output).not.toContain("never your fault");
      expect(output).not.toContain(DRAFT_MARKER);
      expect(output).not.toContain(OTHER_CLIENT_MARKER);
    }

    const rows = parseCsv(csv).slice(1);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([TITLES.letter, TITLES.checkIn, TITLES.promises]));
    const letterRows = rows.filter((row) => row[0] === letterSubmissionId);
    expect(letterRows.map((row) => [row[3], row[4], row[5], row[7]])).toEqual([
      ["2026-03-10", NOW.toISOString(), "letter", KEPT_PRIVATE],
      ["2026-03-10", NOW.toISOString(), "how_it_felt", "'=SUM(1,2) felt odd, but lighter"],
    ]);
    expect(rows).toHaveLength(2 + 5 + 2);
  });

  it("writes the measurements CSV from the measurement rows, by date then metric", async () => {
    const rows = parseCsv(measurementsCsv(await loadClientRecord(therapistA.scope, clientId)));
    expect(rows).toEqual([
      ["Date", "Metric", "Value"],
      ["2026-03-10", "micro-promises.kept", "0.5"],
      ["2026-03-11", "weekly-trust-check-in.emotional_safety", "5"],
      ["2026-03-11", "weekly-trust-check-in.predictability", "6"],
      ["2026-03-11", "weekly-trust-check-in.reliability", "7"],
      ["2026-03-11", "weekly-trust-check-in.times_checked", "3"],
      ["2026-03-11", "weekly-trust-check-in.worry", "4"],
    ]);
  });

  it("builds a valid R4 bundle: one Questionnaire per version used, one response per submission", async () => {
    const bundle = buildFhirBundle(await loadClientRecord(therapistA.scope, clientId), { canonicalBase: "https://trellis.example", now: NOW });
    expect(checkR4Bundle(JSON.parse(JSON.stringify(bundle)))).toEqual([]);
    const types = bundle.entry.map((entry) => entry.resource.resourceType);
    expect(types.filter((type) => type === "Questionnaire")).toHaveLength(3);
    expect(types.filter((type) => type === "QuestionnaireResponse")).toHaveLength(3);
    const letterResponse = bundle.entry
      .map((entry) => entry.resource)
      .find((resource): resource is FhirQuestionnaireResponse => resource.resourceType === "QuestionnaireResponse" && resource.questionnaire.includes("letter-to-younger-self"));
    expect(letterResponse?.item?.map((item) => item.linkId)).toEqual(["how_it_felt"]);
    const patient = bundle.entry.find((entry) => entry.resource.resourceType === "Patient")!;
    const practitioner = bundle.entry.find((entry) => entry.resource.resourceType === "Practitioner")!;
    expect(patient.resource).toMatchObject({ name: [{ text: "Jordan Ríos" }] });
    expect(practitioner.resource).toMatchObject({ name: [{ text: "Dr Test Therapist" }] });
    expect(letterResponse?.subject).toEqual({ reference: patient.fullUrl, display: "Jordan Ríos" });
    expect(letterResponse?.author).toEqual({ reference: practitioner.fullUrl, display: "Dr Test Therapist" });
    // A validator this project did not write (Medplum's R4 StructureDefinitions) agrees.
    for (const entry of bundle.entry) expect(await medplumProblems(JSON.parse(JSON.stringify(entry.resource))), entry.fullUrl).toEqual([]);
  });

  it("keeps each client's record to that client", async () => {
    const record = await loadClientRecord(therapistA.scope, otherClientId);
    expect(record.submissions).toHaveLength(1);
    expect(JSON.stringify(record)).toContain(OTHER_CLIENT_MARKER);
    expect(record.submissions.map((submission) => submission.id)).not.toContain(letterSubmissionId);
  });

  it("refuses another therapist, a mixed-up scope and an unknown id alike", async () => {
    const mixed: TherapistScope = { therapistId: therapistA.scope.therapistId, practiceId: therapistB.scope.practiceId };
    for (const [scope, id] of [[therapistB.scope, clientId], [mixed, clientId], [therapistA.scope, "no-such-client"]] as const) {
      expect((await rejection(loadClientRecord(scope, id))).kind).toBe("not_found");
    }
  });
});

describe("GET /api/clients/[clientId]/export", () => {
  const signIn = (identity: Identity | null) => vi.mocked(getIdentity).mockResolvedValue(identity);
  const get = (id: string, query: string) =>
    GET(new Request(`http://localhost/api/clients/${id}/export${query}`), { params: Promise.resolve({ clientId: id }) });

  beforeEach(() => {
    vi.mocked(getIdentity).mockReset();
  });

  it("asks a signed-out caller to sign in", async () => {
    signIn(null);
    const response = await get(clientId, "?format=fhir");
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
  });

  it("answers another therapist, a client's session and an unknown id with the same 404", async () => {
    const clientIdentity: Identity = { ...identityOf(therapistA), role: "CLIENT", clientId, therapistId: therapistA.user.id };
    const cases: [Identity, string][] = [
      [identityOf(therapistB), clientId],
      [clientIdentity, clientId],
      [identityOf(therapistA), "no-such-client"],
    ];
    for (const [identity, id] of cases) {
      signIn(identity);
      const response = await get(id, "?format=csv-submissions");
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: NOT_FOUND_MESSAGE });
    }
  });

  it("rejects a missing or unknown format with a clear 400", async () => {
    signIn(identityOf(therapistA));
    for (const query of ["", "?format=xml", "?format=CSV"]) {
      const response = await get(clientId, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "Choose an export format: csv-submissions, csv-measurements, fhir." });
    }
  });

  it("downloads the submissions CSV without private text", async () => {
    signIn(identityOf(therapistA));
    const response = await get(clientId, "?format=csv-submissions");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="trellis-jordan-rios-submissions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).not.toContain(PRIVATE_MARKER);
    expect(parseCsv(text).find((row) => row[5] === "letter")?.[7]).toBe(KEPT_PRIVATE);
  });

  it("downloads the measurements CSV", async () => {
    signIn(identityOf(therapistA));
    const response = await get(clientId, "?format=csv-measurements");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="trellis-jordan-rios-measurements-[\d-]+\.csv"/);
    expect(parseCsv((await response.text()).replace(/^\uFEFF/, ""))).toHaveLength(7);
  });

  it("records who exported which part of the record in the audit trail", async () => {
    signIn(identityOf(therapistA));
    const before = new Date();
    expect((await get(clientId, "?format=fhir")).status).toBe(200);
    const events = await db.auditEvent.findMany({
      where: { action: "client.exported", subjectId: clientId, createdAt: { gte: before } },
      select: { actorId: true, metadata: true },
    });
    expect(events).toEqual([{ actorId: identityOf(therapistA).userId, metadata: { format: "fhir" } }]);
  });

  it("downloads a FHIR bundle that validates and names this installation in its canonical URLs", async () => {
    signIn(identityOf(therapistA));
    const response = await get(clientId, "?format=fhir");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/fhir+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/filename="trellis-jordan-rios-fhir-[\d-]+\.json"/);
    const text = await response.text();
    expect(text).not.toContain(PRIVATE_MARKER);
    const bundle = JSON.parse(text) as { entry: { resource: { resourceType: string; url?: string } }[] };
    expect(checkR4Bundle(bundle)).toEqual([]);
    const base = (process.env.APP_URL || "http://localhost").replace(/\/+$/, "");
    const urls = bundle.entry.flatMap((entry) => (entry.resource.url ? [entry.resource.url] : []));
    expect(urls.every((url) => url.startsWith(`${base}/fhir/Questionnaire/`))).toBe(true);
  });
});
