import "server-only";
import { db } from "@/lib/db";
import type { LocalDate } from "@/lib/dates/local-date";
import { totalMetricKey } from "@/lib/exercises/measurements";
import { GAD7_BAND_LABELS, GAD7_MAX_TOTAL, gad7Band } from "@/lib/exercises/measures/gad-7";
import { PHQ9_BAND_LABELS, PHQ9_MAX_TOTAL, phq9Band } from "@/lib/exercises/measures/phq-9";
import { loadSubject } from "./load-subject";
import { rangeWindow, type ChartPeriod } from "./range";
import { toCount, toNumber } from "./series";
import type { ProgressViewer } from "./viewer";

export type MeasureSlug = "phq-9" | "gad-7";

export type SeverityBand = { from: number; to: number; label: string };

/** Published cut-offs, shaded behind the line. */
export const MEASURE_SCALES: Record<MeasureSlug, { title: string; max: number; bands: SeverityBand[] }> = {
  "phq-9": {
    title: "PHQ-9 (mood)",
    max: PHQ9_MAX_TOTAL,
    bands: [
      { from: 0, to: 4, label: PHQ9_BAND_LABELS.minimal },
      { from: 5, to: 9, label: PHQ9_BAND_LABELS.mild },
      { from: 10, to: 14, label: PHQ9_BAND_LABELS.moderate },
      { from: 15, to: 19, label: PHQ9_BAND_LABELS.moderately_severe },
      { from: 20, to: 27, label: PHQ9_BAND_LABELS.severe },
    ],
  },
  "gad-7": {
    title: "GAD-7 (anxiety)",
    max: GAD7_MAX_TOTAL,
    bands: [
      { from: 0, to: 4, label: GAD7_BAND_LABELS.minimal },
      { from: 5, to: 9, label: GAD7_BAND_LABELS.mild },
      { from: 10, to: 14, label: GAD7_BAND_LABELS.moderate },
      { from: 15, to: 21, label: GAD7_BAND_LABELS.severe },
    ],
  },
};

const bandOf: Record<MeasureSlug, (total: number) => string> = {
  "phq-9": (total) => PHQ9_BAND_LABELS[phq9Band(total)],
  "gad-7": (total) => GAD7_BAND_LABELS[gad7Band(total)],
};

/** One point per day with a questionnaire; two on one day are averaged. Days without one are absent. */
export type MeasurePoint = { date: LocalDate; total: number; band: string; entries: number };

export type MeasureTotals = { measure: MeasureSlug; from: LocalDate | null; today: LocalDate; points: MeasurePoint[] };

type Row = { date: string; total: unknown; entries: unknown };

/** PHQ-9 or GAD-7 totals per date in the range, with their severity band. One query after the access check. */
export async function getMeasureTotals(
  viewer: ProgressViewer,
  measure: MeasureSlug,
  range: ChartPeriod,
  now: Date = new Date(),
): Promise<MeasureTotals> {
  const subject = await loadSubject(viewer, now);
  const window = rangeWindow(range, subject.today);
  const rows = await db.$queryRaw<Row[]>`
    SELECT to_char("recordedOn", 'YYYY-MM-DD') AS date,
           round(avg(value)::numeric, 1)::float8 AS total,
           count(*)::int AS entries
    FROM "Measurement"
    WHERE "clientId" = ${subject.clientId}
      AND "practiceId" = ${subject.practiceId}
      AND metric = ${totalMetricKey(measure)}
      AND "recordedOn" >= COALESCE(${window.from}::date, '-infinity'::date)
      AND "recordedOn" <= ${window.today}::date
    GROUP BY "recordedOn"
    ORDER BY "recordedOn"`;
  const points = rows.flatMap((row) => {
    const total = toNumber(row.total);
    return total === null ? [] : [{ date: row.date, total, band: bandOf[measure](total), entries: toCount(row.entries) }];
  });
  return { measure, from: window.from, today: window.today, points };
}
