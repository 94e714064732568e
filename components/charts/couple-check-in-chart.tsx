"use client";

import { useId, useState } from "react";
import { InteractiveLineSeriesChart } from "./interactive/line-series-chart";
import type { ChartRow } from "./line-series-chart";

export type CoupleMetric = { key: string; label: string };

/**
 * On the therapist's screen only (the printed report has the table). Both partners on one chart, one check-in measure at a time (eight lines
 * at once would be unreadable on a phone). Rows carry `first_<key>` and
 * `second_<key>` for every measure.
 */
export function CoupleCheckInChart({ data, metrics, names }: { data: ChartRow[]; metrics: CoupleMetric[]; names: [string, string] }) {
  const [selected, setSelected] = useState(metrics[0]?.key ?? "");
  const groupId = useId();
  const metric = metrics.find((item) => item.key === selected) ?? metrics[0];
  if (!metric) return null;
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Show</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {metrics.map((item) => (
            <label
              key={item.key}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold"
            >
              <input
                type="radio"
                name={`${groupId}-metric`}
                value={item.key}
                checked={item.key === metric.key}
                onChange={() => setSelected(item.key)}
                className="accent-brand-700"
              />
              {item.label}
            </label>
          ))}
        </div>
      </fieldset>
      <InteractiveLineSeriesChart
        data={data}
        xKey="week"
        periodKind="week"
        yDomain={[0, 10]}
        label={`${metric.label} per week for ${names[0]} and ${names[1]}, 0 to 10. The table below has every week.`}
        series={[
          { key: `first_${metric.key}`, label: names[0] },
          { key: `second_${metric.key}`, label: names[1] },
        ]}
      />
    </div>
  );
}
