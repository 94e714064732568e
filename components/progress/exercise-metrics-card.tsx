import { SERVER_CHARTS, type ChartKit } from "@/components/charts/chart-kit";
import type { ChartedMetric, ExerciseProgress } from "@/lib/progress/get-progress-overview";
import type { ChartPeriod } from "@/lib/progress/range";
import { periodPhrase, type Audience } from "./card-props";
import { ChartCard, type CardVariant } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, longDate, plural } from "./format";

/** Yes / partly / no is stored as 1 / 0.5 / 0 and read as a share of "yes" (partly counts half). */
const asPercent = (metric: ChartedMetric) => metric.source === "yes_partly_no";

function shown(metric: ChartedMetric, value: number | null): number | null {
  if (value === null) return null;
  return asPercent(metric) ? Math.round(value * 1000) / 10 : value;
}

function formatted(metric: ChartedMetric, value: number | null): string {
  const number = shown(metric, value);
  return number === null ? "—" : `${formatNumber(number)}${asPercent(metric) ? "%" : ""}`;
}

/** The y range: the question's own (0–10 for a scale), or for a free number from 0 to the highest value entered. */
function domainOf(metric: ChartedMetric): [number, number] {
  if (asPercent(metric)) return [0, 100];
  const values = metric.points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const low = Math.min(0, metric.min ?? 0, ...values);
  if (metric.source === "number") return [low, Math.max(1, ...values)];
  return [low, Math.max(metric.max ?? 1, ...values)];
}

function periodText(metric: ChartedMetric, period: string): string {
  return metric.periodKind === "week" ? `week of ${longDate(period)}` : longDate(period);
}

/** "Latest 7 (5 Dec 2026), first 4 (1 Dec 2026)": one line under each small chart. */
function lineOf(metric: ChartedMetric): string {
  const values = metric.points.filter((point) => point.value !== null);
  const first = values[0];
  const last = values.at(-1);
  if (!first || !last) return "";
  const latest = `Latest ${formatted(metric, last.value)} (${periodText(metric, last.period)})`;
  return first === last ? `${latest}.` : `${latest}, first in this period ${formatted(metric, first.value)} (${periodText(metric, first.period)}).`;
}

/**
 * Every numeric question of one exercise that no dedicated card charts: a
 * custom template's own scales, numbers, yes/partly/no, scored choices and
 * counted checklists, or a built-in's remaining ones. One small chart per
 * question (they rarely share a unit), one table with all of them. Renders
 * no controls of its own beyond the table's fold (none with `variant="print"`).
 */
export function ExerciseMetricsCard({
  exercise,
  audience,
  range,
  tableOpen,
  variant = "screen",
  charts = SERVER_CHARTS,
}: {
  exercise: ExerciseProgress;
  audience: Audience;
  range: ChartPeriod;
  tableOpen?: boolean;
  variant?: CardVariant;
  charts?: ChartKit;
}) {
  const metrics = exercise.metrics.filter((metric) => metric.points.some((point) => point.value !== null));
  if (metrics.length === 0) return null;
  const title = exercise.special ? `${exercise.title}: more answers` : exercise.title;
  const entries = plural(exercise.entries, "entry", "entries");
  const how = exercise.daily ? "day by day" : "as weekly averages";
  const summary =
    audience === "client"
      ? `You made ${entries} ${periodPhrase(range)}. Each question is charted ${how}.`
      : `${entries} ${periodPhrase(range)}. ${plural(metrics.length, "question")} charted ${how}.`;

  const periods = [...new Set(metrics.flatMap((metric) => metric.points.filter((point) => point.value !== null || !exercise.daily).map((point) => point.period)))].sort();
  const byPeriod = metrics.map((metric) => new Map(metric.points.map((point) => [point.period, point.value])));
  const kind = exercise.daily ? "date" : "week";

  return (
    <ChartCard
      title={title}
      summary={summary}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption={`${exercise.daily ? "Per day" : "Weekly means"}. Yes / partly / no as a share of yes (partly counts half). — means no answer.`}
          columns={[exercise.daily ? "Date" : "Week of", ...metrics.map((metric) => metric.label)]}
          rows={periods.map((period) => ({
            key: period,
            cells: [longDate(period), ...metrics.map((metric, index) => formatted(metric, byPeriod[index]?.get(period) ?? null))],
          }))}
        />
      }
    >
      <div className="grid gap-6 sm:grid-cols-2 print:grid-cols-2">
        {metrics.map((metric) => (
          <section key={metric.metric} aria-label={metric.label} className="min-w-0">
            <h3 className="text-sm font-medium text-stone-800">{metric.label}</h3>
            <p className="mt-0.5 text-sm text-stone-700">{lineOf(metric)}</p>
            <charts.LineChart
              data={metric.points.map((point) => ({ [kind]: point.period, value: shown(metric, point.value) }))}
              xKey={kind}
              periodKind={kind}
              yDomain={domainOf(metric)}
              unit={asPercent(metric) ? "%" : ""}
              height={180}
              showLegend={false}
              label={`${metric.label}, ${how}. ${lineOf(metric)} The table has every value.`}
              series={[{ key: "value", label: metric.label }]}
            />
          </section>
        ))}
      </div>
    </ChartCard>
  );
}
