import { fromDbDate } from "@/lib/dates/local-date";
import type { Schedule } from "@/lib/schedule/schedule";
import type { ScheduleType } from "@/lib/generated/prisma/enums";

export type ScheduleRow = {
  scheduleType: ScheduleType;
  startDate: Date;
  dueDate: Date | null;
  endDate: Date | null;
  weekdays: number[];
  dayCount: number | null;
};

/** The schedule of a stored assignment, in the client's calendar dates. */
export function scheduleOf(row: ScheduleRow): Schedule {
  return {
    type: row.scheduleType,
    startDate: fromDbDate(row.startDate),
    dueDate: row.dueDate ? fromDbDate(row.dueDate) : null,
    endDate: row.endDate ? fromDbDate(row.endDate) : null,
    weekdays: row.weekdays,
    dayCount: row.dayCount,
  };
}

export const scheduleSelect = {
  scheduleType: true,
  startDate: true,
  dueDate: true,
  endDate: true,
  weekdays: true,
  dayCount: true,
} as const;
