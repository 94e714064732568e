// IANA zones this runtime knows. Dates are always shown in the client's own zone.
const zones = new Set(Intl.supportedValuesOf("timeZone"));
// Some runtimes list only canonical names; UTC must always be accepted.
zones.add("UTC");

export const TIME_ZONES: readonly string[] = [...zones].sort();

export function isTimeZone(value: string): boolean {
  return zones.has(value);
}
