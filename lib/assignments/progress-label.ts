import { formatDay, type DisplayOptions } from "@/lib/dates/display";
import type { LocalDate } from "@/lib/dates/local-date";
import type { ScheduleType } from "@/lib/schedule/schedule";
import type { Adherence } from "./adherence";

export type ProgressFacts = {
  scheduleType: ScheduleType;
  status: "ACTIVE" | "PAUSED" | "ENDED";
  /** ONCE: the day it is due (the client's calendar). */
  dueDate: LocalDate | null;
  nextDue: LocalDate | null;
  /** The newest submitted entry's time. */
  lastSubmittedAt: Date | null;
  adherence: Adherence;
};

/**
 * One line about how an assignment is going. A one-off is done or not
 * (submitted before its due day it counts nothing "so far", hence no
 * "0 / 0"); a recurring one counts done / due so far.
 */
export function progressLabel(facts: ProgressFacts, view: DisplayOptions): string {
  if (facts.scheduleType === "ONCE") {
    if (facts.lastSubmittedAt) return `Done ${formatDay(facts.lastSubmittedAt, view)}`;
    if (facts.status === "ENDED") return "Ended before it was done";
    if (facts.adherence.due > 0) return `Not done (was due ${formatDay(facts.dueDate ?? "", view)})`;
    return facts.dueDate ? `Due ${formatDay(facts.dueDate, view)}` : "Not done yet";
  }
  const { done, due } = facts.adherence;
  if (due === 0) return facts.nextDue && facts.status === "ACTIVE" ? `Starts ${formatDay(facts.nextDue, view)}` : "Nothing due yet";
  return `${done} / ${due} done so far (${Math.round((done / due) * 100)}%)`;
}
