import { describeLocalDate, type LocalDate } from "@/lib/dates/local-date";
import type { CaseloadRow } from "@/lib/caseload/types";

/** "Today", "Yesterday", "9 days ago" — counted in the client's own calendar. */
export function activityText(daysSince: number | null): string {
  if (daysSince === null) return "Never";
  if (daysSince === 0) return "Today";
  if (daysSince === 1) return "Yesterday";
  return `${daysSince} days ago`;
}

/** "86%" or "—" when nothing was due. */
export function adherenceText(adherence: CaseloadRow["adherence"]): string {
  return adherence.rate === null ? "—" : `${Math.round(adherence.rate * 100)}%`;
}

/** "Today", "Tomorrow", "Monday 23 March", in the client's calendar. */
export function dueText(date: LocalDate, today: LocalDate): string {
  return describeLocalDate(date, today);
}
