import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { getSelfCheckSeries, SELF_CHECK_MAX } from "@/lib/progress/get-self-check-series";
import { emptyText, periodPhrase, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, monthLabel, plural } from "./format";

export async function SelfCheckCard({ viewer, range, audience, tableOpen, variant, charts = SERVER_CHARTS }: ProgressCardProps) {
  const { LineChart } = charts;
  const series = await getSelfCheckSeries(viewer, range);
  const done = series.months.filter((month) => month.score !== null);
  const first = done[0];
  const last = done.at(-1);
  const empty = !first || !last ? emptyText(audience, range) : null;
  let summary = "";
  if (first && last) {
    const latest = `${formatNumber(last.score)} of ${SELF_CHECK_MAX} signs in ${monthLabel(last.month)}`;
    const change = first === last ? "" : `, compared with ${formatNumber(first.score)} in ${monthLabel(first.month)}`;
    summary =
      audience === "client"
        ? `You noticed ${latest}${change}. Fewer signs usually means trust feels a little easier.`
        : `${plural(series.entries, "self-check")} ${periodPhrase(range)}. Latest: ${latest}${change}.`;
  }
  return (
    <ChartCard
      title={audience === "client" ? "Your signs of mistrust self-check" : "Signs of mistrust self-check"}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption={`Signs ticked (0–${SELF_CHECK_MAX}), monthly mean. — means no self-check that month.`}
          columns={["Month", "Score", "Self-checks"]}
          rows={series.months.map((month) => ({ key: month.month, cells: [monthLabel(month.month), formatNumber(month.score), month.entries] }))}
        />
      }
    >
      <LineChart
        data={series.months.map((month) => ({ month: month.month, score: month.score }))}
        xKey="month"
        periodKind="month"
        yDomain={[0, SELF_CHECK_MAX]}
        label={`Signs of mistrust ticked per month, 0 to ${SELF_CHECK_MAX}. ${summary}`}
        series={[{ key: "score", label: "Signs ticked" }]}
      />
    </ChartCard>
  );
}
