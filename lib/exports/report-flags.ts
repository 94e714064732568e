import "server-only";
import { db } from "@/lib/db";
import { describeAnswer, type Answers } from "@/lib/exercises";
import type { TherapistScope } from "@/lib/clients/scope";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";

export type ReportFlag = {
  id: string;
  raisedAt: Date;
  /** The exercise the answer was given in, when the entry is still there. */
  exercise: string | null;
  /** Each flagged question with the answer that raised it (null if the client kept it private). */
  questions: { label: string; answer: string | null }[];
};

/**
 * A client's unacknowledged safety flags for the printed report, oldest
 * first, whatever the report's period: an open flag is never left off paper.
 *
 * Authorization: scoped by the caller's practice and the client's clinician
 * (clientReadScope gives owners and supervisors that clinician's scope), as
 * lib/safety/list-open-flags.ts. Private answers are never selected.
 */
export async function listReportFlags(scope: TherapistScope, clientId: string): Promise<ReportFlag[]> {
  const flags = await db.safetyFlag.findMany({
    where: { clientId, acknowledgedAt: null, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
    orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      raisedAt: true,
      fieldKeys: true,
      submission: {
        select: {
          answers: true,
          privateKeys: true,
          templateVersion: { select: { ...versionSelect, template: { select: { kind: true } } } },
        },
      },
    },
  });
  return flags.map((flag) => {
    const version = flag.submission ? toExerciseVersion(flag.submission.templateVersion, flag.submission.templateVersion.template.kind) : null;
    const answers = (flag.submission?.answers ?? {}) as Answers;
    const hidden = new Set(flag.submission?.privateKeys ?? []);
    const questions = flag.fieldKeys.flatMap((key) => {
      const field = version?.fields.find((candidate) => candidate.key === key);
      if (!field) return [];
      return [{ label: field.label, answer: hidden.has(key) ? null : describeAnswer(field, answers[key]) }];
    });
    return { id: flag.id, raisedAt: flag.raisedAt, exercise: version?.title ?? null, questions };
  });
}
