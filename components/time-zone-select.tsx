"use client";

import { useEffect, useRef } from "react";
import { SelectField } from "@/components/ui/field";
import { TIME_ZONES } from "@/lib/time-zones";

// Starts on the zone the browser reports, unless a value was already chosen.
export function TimeZoneSelect({
  label,
  name,
  defaultValue,
  error,
  hint,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string[];
  hint?: string;
}) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (defaultValue || !ref.current) return;
    const guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (guess && TIME_ZONES.includes(guess)) ref.current.value = guess;
  }, [defaultValue]);
  // React resets a form after its action, and a <select> returns to the option
  // it first rendered with; remounting on the echoed value keeps the choice.
  return (
    <SelectField key={defaultValue ?? "browser-guess"} ref={ref} label={label} name={name} defaultValue={defaultValue ?? "UTC"} error={error} hint={hint}>
      {TIME_ZONES.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </SelectField>
  );
}
