import { describeAnswer } from "@/lib/exercises";
import type { ClientRecord } from "./load-client-record";
import { toCsv, type CsvCell } from "./csv";

/**
 * A private answer is listed (so the record shows the question was done)
 * but carries this instead of any text. The loader never selects private
 * text; this is what the reader sees in its place.
 */
export const KEPT_PRIVATE = "[kept private by the client]";

export const SUBMISSIONS_HEADER = [
  "Submission ID",
  "Exercise",
  "Version",
  "Due date",
  "Submitted at (UTC)",
  "Question key",
  "Question",
  "Answer",
] as const;

export const MEASUREMENTS_HEADER = ["Date", "Metric", "Value"] as const;

/** One row per answered question, submissions oldest first, questions in the exercise's order. */
export function submissionsCsv(record: ClientRecord): string {
  const versions = new Map(record.versions.map((version) => [version.id, version]));
  const rows: CsvCell[][] = [];
  for (const submission of record.submissions) {
    const version = versions.get(submission.versionId);
    if (!version) continue;
    const leading = [submission.id, version.title, version.version, submission.dueOn, submission.submittedAt.toISOString()];
    for (const field of version.fields) {
      const answer = submission.privateKeys.includes(field.key)
        ? KEPT_PRIVATE
        : describeAnswer(field, submission.answers[field.key]);
      if (answer === null) continue;
      rows.push([...leading, field.key, field.label, answer]);
    }
  }
  return toCsv(SUBMISSIONS_HEADER, rows);
}

/** Every measurement, by date then metric; dates are the client's own calendar days. */
export function measurementsCsv(record: ClientRecord): string {
  return toCsv(
    MEASUREMENTS_HEADER,
    record.measurements.map((measurement) => [measurement.recordedOn, measurement.metric, measurement.value]),
  );
}
