// Session times in words, in a named zone (never the server's).
import { dateTimeFormat } from "@/lib/dates/formatters";
import { todayIn, daysBetween } from "@/lib/dates/local-date";

/** "3 pm", "9:30 am". */
export function shortTime(instant: Date, timeZone: string): string {
  const parts = dateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", hour12: true, timeZone }).formatToParts(instant);
  const hour = parts.find((part) => part.type === "hour")?.value ?? "";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  const period = (parts.find((part) => part.type === "dayPeriod")?.value ?? "").toLowerCase();
  return `${hour}${minute === "00" ? "" : `:${minute}`} ${period}`.trim();
}

/** "Tue 3 pm" (the portal's "Next session"). */
export function weekdayAndTime(instant: Date, timeZone: string): string {
  const weekday = dateTimeFormat("en-GB", { weekday: "short", timeZone }).format(instant);
  return `${weekday} ${shortTime(instant, timeZone)}`;
}

/** "Tue 8 Dec, 3 pm". */
export function sessionWhen(instant: Date, timeZone: string): string {
  const day = dateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }).format(instant);
  return `${day}, ${shortTime(instant, timeZone)}`;
}

/** "today" / "tomorrow" in `timeZone`, else null. */
export function relativeDay(instant: Date, timeZone: string, now: Date = new Date()): "today" | "tomorrow" | null {
  const offset = daysBetween(todayIn(timeZone, now), todayIn(timeZone, instant));
  return offset === 0 ? "today" : offset === 1 ? "tomorrow" : null;
}

/** "Europe/London" → "Europe/London (GMT)" style hint for forms. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const name = dateTimeFormat("en-GB", { timeZoneName: "short", timeZone }).formatToParts(at).find((part) => part.type === "timeZoneName")?.value;
  return `${timeZone.replaceAll("_", " ")}${name ? ` (${name})` : ""}`;
}
