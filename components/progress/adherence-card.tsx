import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { getAdherenceByWeek } from "@/lib/progress/get-adherence-by-week";
import { emptyText, periodPhrase, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatPercent, longDate, plural } from "./format";

export async function AdherenceCard({ viewer, range, audience, tableOpen, variant, charts = SERVER_CHARTS }: ProgressCardProps) {
  const { BarChart } = charts;
  const adherence = await getAdherenceByWeek(viewer, range);
  const empty = adherence.assigned === 0 ? emptyText(audience, range) : null;
  const rate = adherence.assigned ? adherence.completed / adherence.assigned : null;
  const summary =
    audience === "client"
      ? `You did ${adherence.completed} of ${plural(adherence.assigned, "item")} due ${periodPhrase(range)} (${formatPercent(rate)}).` +
        (adherence.overdue ? ` ${plural(adherence.overdue, "item")} from the last week ${adherence.overdue === 1 ? "is" : "are"} still open.` : "")
      : `${adherence.completed} of ${adherence.assigned} due items done ${periodPhrase(range)} (${formatPercent(rate)}). Overdue now: ${adherence.overdue}.`;
  return (
    <ChartCard
      title={audience === "client" ? "Homework done each week" : "Adherence"}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption="Items due per week and how many were done. Logs (any number a day) are not counted."
          columns={["Week of", "Due", "Done", "Done %"]}
          rows={adherence.weeks.map((week) => ({
            key: week.week,
            cells: [longDate(week.week), week.assigned, week.completed, formatPercent(week.assigned ? week.completed / week.assigned : null)],
          }))}
        />
      }
    >
      <BarChart
        data={adherence.weeks.map((week) => ({ week: week.week, assigned: week.assigned, completed: week.completed }))}
        xKey="week"
        periodKind="week"
        label={`Items due and done per week. ${summary}`}
        series={[
          { key: "assigned", label: "Due" },
          { key: "completed", label: "Done" },
        ]}
      />
    </ChartCard>
  );
}
