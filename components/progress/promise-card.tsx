import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { PromiseCalendar } from "@/components/charts/promise-calendar";
import { getPromiseStats } from "@/lib/progress/get-promise-stats";
import { emptyText, periodPhrase, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatPercent, longDate, plural } from "./format";

export async function PromiseCard({ viewer, range, audience, tableOpen, variant, charts = SERVER_CHARTS }: ProgressCardProps) {
  const { BarChart } = charts;
  const stats = await getPromiseStats(viewer, range);
  const empty = stats.entries === 0 ? emptyText(audience, range) : null;
  const streak =
    stats.currentStreak > 0
      ? `Current streak: ${plural(stats.currentStreak, "day")} kept in a row.`
      : audience === "client"
        ? "Every kept promise starts a new streak."
        : "No streak running right now.";
  const logged = audience === "client" ? `You logged ${plural(stats.entries, "promise")} ${periodPhrase(range)}` : `${plural(stats.entries, "promise")} logged ${periodPhrase(range)}`;
  const summary = `${logged}, ${formatPercent(stats.keptRate)} kept. ${streak}`;
  return (
    <ChartCard
      title={audience === "client" ? "Your micro-promises" : "Micro-promises"}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption="Kept-rate per week (partly counts as half). — means nothing logged that week."
          columns={["Week of", "Promises logged", "Kept-rate"]}
          rows={stats.weeks.map((week) => ({ key: week.week, cells: [longDate(week.week), week.entries, formatPercent(week.keptRate)] }))}
        />
      }
    >
      <section aria-label="Kept-rate per week">
        <h3 className="mb-1 text-sm font-medium text-stone-800">Kept-rate per week</h3>
        <BarChart
          data={stats.weeks.map((week) => ({ week: week.week, keptRate: week.keptRate }))}
          xKey="week"
          periodKind="week"
          percent
          yMax={1}
          label={`Share of promises kept per week, 0 to 100 percent. ${summary}`}
          series={[{ key: "keptRate", label: "Kept-rate" }]}
        />
      </section>
      <section aria-label="Calendar">
        <h3 className="mb-1 text-sm font-medium text-stone-800">Day by day</h3>
        <PromiseCalendar days={stats.days} today={stats.today} />
      </section>
    </ChartCard>
  );
}
