import { CoupleCheckInChart } from "@/components/charts/couple-check-in-chart";
import type { TherapistScope } from "@/lib/clients/scope";
import { CHECK_IN_METRICS, type CheckInValues } from "@/lib/progress/check-in-weeks";
import { getCoupleCheckIns, type CoupleWeek } from "@/lib/progress/get-couple-check-ins";
import type { ChartPeriod } from "@/lib/progress/range";
import { periodPhrase } from "./card-props";
import { ChartCard, type CardVariant } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, longDate, plural } from "./format";

const CHARTED = CHECK_IN_METRICS.filter((metric) => metric.key !== "timesChecked");

/** The newest week in which this partner answered, with their values. */
function latestOf(weeks: CoupleWeek[], side: "first" | "second"): { week: string; values: CheckInValues } | null {
  for (const week of [...weeks].reverse()) {
    if (CHECK_IN_METRICS.some((metric) => week[side][metric.key] !== null)) return { week: week.week, values: week[side] };
  }
  return null;
}

/** Therapist only: both partners' weekly check-ins on one chart. Renders nothing for a client without a partner. */
export async function CoupleCard({
  scope,
  clientId,
  range,
  tableOpen,
  variant = "screen",
}: {
  scope: TherapistScope;
  clientId: string;
  range: ChartPeriod;
  tableOpen?: boolean;
  variant?: CardVariant;
}) {
  const couple = await getCoupleCheckIns(scope, clientId, range);
  if (!couple) return null;
  const [first, second] = couple.partners;
  const names: [string, string] = [first.displayName, second.displayName];
  const empty = first.entries + second.entries === 0 ? "Neither partner has a weekly check-in in this period." : null;
  const describe = (name: string, side: "first" | "second", entries: number) => {
    const latest = latestOf(couple.weeks, side);
    if (!latest) return `${name}: no check-in ${periodPhrase(range)}.`;
    const values = CHARTED.map((metric) => `${metric.label.toLowerCase()} ${formatNumber(latest.values[metric.key])}`).join(", ");
    return `${name}: ${plural(entries, "check-in")}; latest (week of ${longDate(latest.week)}) ${values}.`;
  };
  const summary = `${describe(first.displayName, "first", first.entries)} ${describe(second.displayName, "second", second.entries)}`;

  const rows = couple.weeks.map((week) => ({
    week: week.week,
    ...Object.fromEntries(CHARTED.flatMap((metric) => [[`first_${metric.key}`, week.first[metric.key]], [`second_${metric.key}`, week.second[metric.key]]])),
  }));

  return (
    <ChartCard
      title="Partners side by side"
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption="Weekly means per partner (0–10; times checked is a count). — means no check-in that week."
          columns={["Week of", "Partner", ...CHECK_IN_METRICS.map((metric) => metric.label)]}
          rows={couple.weeks.flatMap((week) =>
            (["first", "second"] as const).map((side, index) => ({
              key: `${week.week}-${side}`,
              cells: [longDate(week.week), names[index], ...CHECK_IN_METRICS.map((metric) => formatNumber(week[side][metric.key]))],
            })),
          )}
        />
      }
    >
      <p className="text-sm text-stone-700">Only you see this view. Each partner sees only their own answers.</p>
      {/* The chart's measure picker is a form control: print shows the table only. */}
      {variant === "screen" ? <CoupleCheckInChart data={rows} metrics={CHARTED.map((metric) => ({ key: metric.key, label: metric.label }))} names={names} /> : null}
    </ChartCard>
  );
}
