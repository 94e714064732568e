import { SERVER_CHARTS } from "@/components/charts/chart-kit";
import { getMeasureTotals, MEASURE_SCALES, type MeasureSlug } from "@/lib/progress/get-measure-totals";
import { emptyText, periodPhrase, type ProgressCardProps } from "./card-props";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { formatNumber, longDate, plural } from "./format";

const CLIENT_TITLES: Record<MeasureSlug, string> = { "phq-9": "Your mood questionnaire (PHQ-9)", "gad-7": "Your anxiety questionnaire (GAD-7)" };

export async function MeasureCard({ viewer, range, audience, tableOpen, variant, measure, charts = SERVER_CHARTS }: ProgressCardProps & { measure: MeasureSlug }) {
  const { BandChart } = charts;
  const totals = await getMeasureTotals(viewer, measure, range);
  const scale = MEASURE_SCALES[measure];
  const points = totals.points;
  const first = points[0];
  const last = points.at(-1);
  const empty = !first || !last ? emptyText(audience, range) : null;

  let summary = "";
  if (first && last) {
    const latest = `${formatNumber(last.total)} on ${longDate(last.date)} (${last.band.toLowerCase()})`;
    const change = first === last ? "" : `, from ${formatNumber(first.total)} on ${longDate(first.date)} (${first.band.toLowerCase()})`;
    summary =
      audience === "client"
        ? `Your latest score was ${latest}${change}. Lower scores mean things are easing.`
        : `${plural(points.length, "questionnaire")} ${periodPhrase(range)}, out of ${scale.max}. Latest total ${latest}${change}.`;
  }

  return (
    <ChartCard
      title={audience === "client" ? CLIENT_TITLES[measure] : scale.title}
      summary={summary}
      empty={empty}
      tableOpen={tableOpen}
      variant={variant}
      table={
        <DataTable
          caption={`Totals out of ${scale.max}, with their range (${scale.bands.map((band) => `${band.label.toLowerCase()} ${band.from}–${band.to}`).join(", ")}).`}
          columns={["Date", "Total", "Range"]}
          rows={points.map((point) => ({ key: point.date, cells: [longDate(point.date), formatNumber(point.total), point.band] }))}
        />
      }
    >
      <BandChart
        data={points.map((point) => ({ date: point.date, total: point.total }))}
        bands={scale.bands}
        max={scale.max}
        seriesLabel={`${scale.title} total`}
        label={`${scale.title} totals over time, 0 to ${scale.max}, on shaded ranges. ${summary}`}
      />
    </ChartCard>
  );
}
