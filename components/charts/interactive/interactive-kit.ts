import type { ChartKit } from "../chart-kit";
import { InteractiveBandLineChart } from "./band-line-chart";
import { InteractiveBarSeriesChart } from "./bar-series-chart";
import { InteractiveLineSeriesChart } from "./line-series-chart";

/** recharts on the therapist's screen: hover a period to read every series at once. */
export const INTERACTIVE_CHARTS: ChartKit = {
  LineChart: InteractiveLineSeriesChart,
  BarChart: InteractiveBarSeriesChart,
  BandChart: InteractiveBandLineChart,
};
