import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { CHECK_IN_METRICS } from "@/lib/progress/check-in-weeks";
import { getCheckInSeries } from "@/lib/progress/get-check-in-series";
import { emptyText, periodPhrase, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, longDate, plural } from "./format";

// Times checked is a count on another scale: it goes in the table and the
// summary, not on the 0–10 chart.
const CHARTED = CHECK_IN_METRICS.filter((metric) => metric.key !== "timesChecked");

export async function CheckInCard({ viewer, range, audience, tableOpen, variant, charts = SERVER_CHARTS }: ProgressCardProps) {
  const { LineChart } = charts;
  const series = await getCheckInSeries(viewer, range);
  const title = audience === "client" ? "Your weekly trust check-in" : "Weekly trust check-in";
  const empty = series.entries === 0 ? emptyText(audience, range) : null;

  const latestWeek = series.changes.reduce<string | null>((latest, change) => (latest === null || change.latestWeek > latest ? change.latestWeek : latest), null);
  const latest = series.changes.filter((change) => change.latestWeek === latestWeek);
  const count = audience === "client" ? `You did ${plural(series.entries, "check-in")} ${periodPhrase(range)}.` : `${plural(series.entries, "check-in")} ${periodPhrase(range)}.`;
  const latestText = latestWeek
    ? `Latest (week of ${longDate(latestWeek)}): ${latest.map((change) => `${change.label.toLowerCase()} ${formatNumber(change.latest)}`).join(", ")}.`
    : "";
  const direction =
    audience === "client"
      ? "For worry and checking, lower numbers mean things felt calmer."
      : "Higher is better except for worry and times checked.";
  // Two short sentences; the changes against four weeks earlier go with the table.
  const summary = [count, latestText].filter(Boolean).join(" ");

  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            {series.changes.map((change) => (
              <li key={change.key}>{change.sentence}</li>
            ))}
            <li>{direction}</li>
          </ul>
          <DataTable
          caption="Weekly means (0–10; times checked is a count). — means no check-in that week."
          columns={["Week of", ...CHECK_IN_METRICS.map((metric) => metric.label)]}
          rows={series.weeks.map((week) => ({
            key: week.week,
            cells: [longDate(week.week), ...CHECK_IN_METRICS.map((metric) => formatNumber(week[metric.key]))],
          }))}
          />
        </>
      }
    >
      <LineChart
        data={series.weeks.map((week) => ({ week: week.week, ...Object.fromEntries(CHARTED.map((metric) => [metric.key, week[metric.key]])) }))}
        xKey="week"
        periodKind="week"
        yDomain={[0, 10]}
        label={`Weekly trust check-in, 0 to 10: ${CHARTED.map((metric) => metric.label.toLowerCase()).join(", ")}. ${summary} ${direction}`}
        series={CHARTED.map((metric) => ({ key: metric.key, label: metric.label }))}
      />
    </ChartCard>
  );
}
