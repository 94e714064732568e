import { BandLineChart } from "./band-line-chart";
import { BarSeriesChart } from "./bar-series-chart";
import { LineSeriesChart } from "./line-series-chart";

/**
 * Which chart components a progress page draws with. The client's phone and
 * the printed report get SERVER_CHARTS: SVG drawn on the server, no chart
 * library to download or hydrate. The therapist's screen may pass
 * INTERACTIVE_CHARTS (components/charts/interactive): the same props,
 * drawn by recharts with tooltips.
 */
export type ChartKit = {
  LineChart: typeof LineSeriesChart;
  BarChart: typeof BarSeriesChart;
  BandChart: typeof BandLineChart;
};

export const SERVER_CHARTS: ChartKit = { LineChart: LineSeriesChart, BarChart: BarSeriesChart, BandChart: BandLineChart };
