import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { getTriggerLogStats, type TriggerLogStats } from "@/lib/progress/get-trigger-log-stats";
import { emptyText, periodPhrase, type Audience, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, formatPercent, longDate, plural } from "./format";

/** At most two short sentences: how many and how strong, then how much it eased. */
function summaryOf(stats: TriggerLogStats, audience: Audience, period: string): string {
  const { totals } = stats;
  const logged = audience === "client" ? `You logged ${plural(totals.triggers, "trigger")} ${period}` : `${plural(totals.triggers, "trigger")} logged ${period}`;
  const parts = [`${logged}, with a mean intensity of ${formatNumber(totals.meanIntensity)} out of 10.`];
  if (totals.meanDrop !== null && totals.meanDrop >= 0) {
    parts.push(audience === "client" ? `It eased by ${formatNumber(totals.meanDrop)} points on average.` : `Intensity dropped by ${formatNumber(totals.meanDrop)} points on average after coping.`);
  } else if (totals.meanDrop !== null) {
    // A negative drop: the feeling was stronger afterwards. Said plainly, not hidden.
    parts.push(`On average the intensity was ${formatNumber(-totals.meanDrop)} points higher afterwards.`);
  }
  return parts.join(" ");
}

function judgedText(stats: TriggerLogStats): string | null {
  const { totals } = stats;
  if (totals.evidence + totals.emotion + totals.unsure === 0) return null;
  return (
    `${totals.evidence} (${formatPercent(totals.evidenceShare)}) ${totals.evidence === 1 ? "was" : "were"} judged mostly evidence, ` +
    `${totals.emotion} (${formatPercent(totals.emotionShare)}) mostly emotion, and ${totals.unsure} unsure.`
  );
}

export async function TriggerLogCard({ viewer, range, audience, tableOpen, variant, charts = SERVER_CHARTS }: ProgressCardProps) {
  const { BarChart, LineChart } = charts;
  const stats = await getTriggerLogStats(viewer, range);
  const empty = stats.totals.triggers === 0 ? emptyText(audience, range) : null;
  const summary = summaryOf(stats, audience, periodPhrase(range));
  const judged = judgedText(stats);
  return (
    <ChartCard
      title={audience === "client" ? "Your trigger log" : "Trigger log"}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <>
          {judged ? <p className="text-stone-700">{judged}</p> : null}
          <DataTable
          caption="Per week. Intensity is 0–10; the drop is intensity when it hit minus intensity afterwards."
          columns={["Week of", "Triggers", "Mean intensity", "Mean drop", "Evidence", "Emotion", "Unsure"]}
          rows={stats.weeks.map((week) => ({
            key: week.week,
            cells: [longDate(week.week), week.triggers, formatNumber(week.meanIntensity), formatNumber(week.meanDrop), week.evidence, week.emotion, week.unsure],
          }))}
          />
        </>
      }
    >
      <section aria-label="Triggers per week">
        <h3 className="mb-1 text-sm font-medium text-stone-800">Triggers per week, by how they were judged</h3>
        <BarChart
          data={stats.weeks.map((week) => ({ week: week.week, evidence: week.evidence, emotion: week.emotion, unsure: week.unsure }))}
          xKey="week"
          periodKind="week"
          stacked
          label={`Triggers per week, stacked by mostly evidence, mostly emotion and unsure. ${summary}`}
          series={[
            { key: "evidence", label: "Mostly evidence" },
            { key: "emotion", label: "Mostly emotion" },
            { key: "unsure", label: "Unsure" },
          ]}
        />
      </section>
      <section aria-label="Intensity per week">
        <h3 className="mb-1 text-sm font-medium text-stone-800">Intensity when it hit, and how much it eased</h3>
        <LineChart
          data={stats.weeks.map((week) => ({ week: week.week, meanIntensity: week.meanIntensity, meanDrop: week.meanDrop }))}
          xKey="week"
          periodKind="week"
          yDomain={[Math.floor(Math.min(0, ...stats.weeks.map((week) => week.meanDrop ?? 0))), 10]}
          label="Mean intensity per week and mean drop in intensity after coping, 0 to 10. The table has every week."
          series={[
            { key: "meanIntensity", label: "Mean intensity" },
            { key: "meanDrop", label: "Mean drop after coping" },
          ]}
        />
      </section>
    </ChartCard>
  );
}
