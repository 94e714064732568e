import { z } from "zod";
import { addDays, isLocalDate, type LocalDate } from "@/lib/dates/local-date";
import type { ChartPeriod } from "@/lib/progress/range";

/**
 * The period a printed client report covers, from the address bar:
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (either may be left out), or one of the
 * progress page's presets (`?range=4w|12w|all`). Anything malformed yields a
 * message for the page to show next to the date fields, and the preset
 * period instead: a hand-edited address never breaks the report.
 *
 * `chart` is what the charts and tables cover: the preset, or exactly the
 * chosen days (in whole weeks from the Monday of the first day, up to the
 * last day: lib/progress/range.ts), never anything after the chosen end.
 */

export type ReportPreset = "4w" | "12w" | "all";

export type ReportPeriod = {
  /** First day covered, or null for "from the beginning". */
  from: LocalDate | null;
  /** Last day covered (never after today). */
  to: LocalDate;
  /** True when from/to came from the address, not a preset. */
  custom: boolean;
  chart: ChartPeriod;
};

export type ReportRangeResult = { period: ReportPeriod; error: { field: "from" | "to"; message: string } | null; input: { from: string; to: string } };

const MOST_DAYS_BACK = 731;

const PRESET_WEEKS: Record<Exclude<ReportPreset, "all">, number> = { "4w": 4, "12w": 12 };

const dateParam = (which: "start" | "end") =>
  z
    .string()
    .trim()
    .max(10, `Enter the ${which} date as a real date (YYYY-MM-DD).`)
    .refine((value) => value === "" || isLocalDate(value), `Enter the ${which} date as a real date (YYYY-MM-DD).`)
    .optional();

const querySchema = z
  .object({ from: dateParam("start"), to: dateParam("end") })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ["from"],
    message: "The start date must be on or before the end date.",
  });

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const asText = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Monday of the week holding `date` (weeks start on Monday, as the charts' SQL). */
function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The first day a preset chart window shows, as lib/progress/range.ts computes it (null: everything). */
export function presetStart(range: ReportPreset, today: LocalDate): LocalDate | null {
  if (range === "all") return null;
  return addDays(mondayOf(today), -7 * (PRESET_WEEKS[range] - 1));
}

export function parseReportRange(query: Record<string, string | string[] | undefined>, preset: ReportPreset, today: LocalDate): ReportRangeResult {
  const raw = { from: asText(first(query.from)), to: asText(first(query.to)) };
  // Shown back in the fields as typed (bounded, so a long address cannot bloat the page).
  const input = { from: (raw.from ?? "").slice(0, 10), to: (raw.to ?? "").slice(0, 10) };
  const presetPeriod: ReportPeriod = { from: presetStart(preset, today), to: today, custom: false, chart: preset };
  if (!raw.from && !raw.to) return { period: presetPeriod, error: null, input };

  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { period: presetPeriod, error: { field: issue.path[0] === "to" ? "to" : "from", message: issue.message }, input };
  }
  const from = parsed.data.from || null;
  // Nothing can be recorded after today; an end date in the future means "up to now".
  const to = parsed.data.to && parsed.data.to < today ? parsed.data.to : today;
  if (from && from > today) {
    return { period: presetPeriod, error: { field: "from", message: "The start date can’t be after today." }, input };
  }
  // A report covers a course of therapy, not a century: older dates are refused
  // (and a year-0000 date could never be laid out in weeks).
  const earliest = addDays(today, -MOST_DAYS_BACK);
  for (const [field, value] of [["from", from], ["to", parsed.data.to || null]] as const) {
    if (value && value < earliest) {
      return { period: presetPeriod, error: { field, message: `Choose dates from the last two years (from ${earliest}), or print “All time”.` }, input };
    }
  }
  return { period: { from, to, custom: true, chart: { from, to } }, error: null, input };
}
