import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { Answers } from "@/lib/exercises";
import type { TherapistScope } from "@/lib/clients/scope";
import { toExerciseVersion, versionSelect, type ExerciseVersion } from "@/lib/templates/definition";
import { visibleTemplates } from "@/lib/templates/scope";

/** A template version as exports need it: the parsed questions plus the template's slug (for FHIR canonical URLs). */
export type RecordVersion = ExerciseVersion & { slug: string | null };

export type RecordSubmission = {
  id: string;
  versionId: string;
  dueOn: LocalDate;
  submittedAt: Date;
  /** Shared answers only; private text is never selected (see below). */
  answers: Answers;
  /** Fields the client answered but kept private: exports say so, without text. */
  privateKeys: string[];
};

export type RecordMeasurement = { recordedOn: LocalDate; metric: string; value: number };

export type ClientRecord = {
  client: { id: string; displayName: string; timeZone: string; practiceId: string };
  /** The client's clinician (the FHIR export's Practitioner). */
  practitioner: { id: string; name: string };
  versions: RecordVersion[];
  submissions: RecordSubmission[];
  measurements: RecordMeasurement[];
};

/**
 * Everything a client-record export contains, for the client's own therapist.
 *
 * Authorization: the client is looked up by the caller's therapist and
 * practice ids, and every later query repeats that scope (an id from the URL
 * alone never selects rows). Submissions follow the review inbox's rule
 * (assignment given by this therapist), so an export never shows more than
 * the therapist can already read in the app.
 *
 * Privacy: selects list columns one by one and never name privateAnswers, so
 * private text never leaves the database on a therapist's request.
 *
 * Four queries whatever the number of submissions (no N+1), in one
 * repeatable-read transaction so the submissions and the measurements in a
 * download describe the same moment.
 */
export async function loadClientRecord(scope: TherapistScope, clientId: string): Promise<ClientRecord> {
  return db.$transaction(
    async (tx) => {
      const client = await tx.client.findFirst({
        where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
        select: { id: true, displayName: true, timeZone: true, practiceId: true, therapist: { select: { id: true, name: true } } },
      });
      if (!client) throw notFound();

      const ownSubmission = {
        clientId: client.id,
        practiceId: scope.practiceId,
        status: "SUBMITTED",
        submittedAt: { not: null },
        assignment: { therapistId: scope.therapistId },
      } as const;

      const submissionRows = await tx.submission.findMany({
        where: ownSubmission,
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: { id: true, templateVersionId: true, dueOn: true, submittedAt: true, answers: true, privateKeys: true },
      });
      const measurementRows = await tx.measurement.findMany({
        where: { clientId: client.id, practiceId: scope.practiceId, submission: ownSubmission },
        orderBy: [{ recordedOn: "asc" }, { metric: "asc" }, { createdAt: "asc" }],
        select: { recordedOn: true, metric: true, value: true },
      });
      // Each distinct version once, instead of its fields JSON repeated on every submission row.
      const versionIds = [...new Set(submissionRows.map((row) => row.templateVersionId))];
      const versionRows = versionIds.length
        ? await tx.templateVersion.findMany({
            where: { id: { in: versionIds }, template: visibleTemplates(scope.practiceId) },
            orderBy: [{ title: "asc" }, { version: "asc" }],
            select: { ...versionSelect, template: { select: { slug: true, kind: true } } },
          })
        : [];

      const { therapist, ...clientFields } = client;
      return {
        client: clientFields,
        practitioner: therapist,
        versions: versionRows.map((row) => ({ ...toExerciseVersion(row, row.template.kind), slug: row.template.slug })),
        submissions: submissionRows.map((row) => ({
          id: row.id,
          versionId: row.templateVersionId,
          dueOn: fromDbDate(row.dueOn),
          submittedAt: row.submittedAt!,
          answers: withoutKeys(row.answers as Answers, row.privateKeys),
          privateKeys: row.privateKeys,
        })),
        measurements: measurementRows.map((row) => ({ recordedOn: fromDbDate(row.recordedOn), metric: row.metric, value: row.value })),
      };
    },
    // Read-only, but a long record can outlast Prisma's 5 s default for interactive transactions.
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
}

/** Defence in depth: a private key's value is dropped even if it ever ended up in the shared column. */
function withoutKeys(answers: Answers, keys: readonly string[]): Answers {
  const hidden = new Set(keys);
  return Object.fromEntries(Object.entries(answers ?? {}).filter(([key]) => !hidden.has(key)));
}
