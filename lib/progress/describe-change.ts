import "server-only";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** 6 → "6", 5.25 → "5.3": one decimal at most, as people say scores. */
export function formatScore(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function spanInWords(weeks: number): string {
  if (weeks === 1) return "the last week";
  return `the last ${NUMBER_WORDS[weeks] ?? String(weeks)} weeks`;
}

/**
 * "Emotional safety rose from 4 to 6 over the last four weeks." Worded
 * neutrally (rose / fell / held steady) on purpose: for worry and checking a
 * rise is bad news, and the reader, not the sentence, should judge that.
 * Values equal at one decimal count as steady, so 5.02 → 4.98 is not news.
 */
export function describeChange(input: { label: string; from: number; to: number; weeks: number }): string {
  const from = formatScore(input.from);
  const to = formatScore(input.to);
  const span = spanInWords(input.weeks);
  if (from === to) return `${input.label} held steady at ${to} over ${span}.`;
  const verb = input.to > input.from ? "rose" : "fell";
  return `${input.label} ${verb} from ${from} to ${to} over ${span}.`;
}
