import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn, type LocalDate } from "@/lib/dates/local-date";
import type { TherapistScope } from "@/lib/clients/scope";
import { EMPTY_CHECK_IN, queryCheckInWeeks, type CheckInValues } from "./check-in-weeks";
import { rangeWindow, type ChartPeriod } from "./range";
import { fillPeriods, weeksBetween } from "./series";

export type CouplePartner = { clientId: string; displayName: string; entries: number };

/** One week, both partners' weekly means side by side (nulls where one of them had no check-in). */
export type CoupleWeek = { week: LocalDate; first: CheckInValues; second: CheckInValues };

export type CoupleCheckIns = {
  from: LocalDate | null;
  today: LocalDate;
  /** The client asked about first, then their partner. */
  partners: [CouplePartner, CouplePartner];
  weeks: CoupleWeek[];
};

/**
 * Both partners' weekly trust check-ins for the therapist, or null when the
 * client has no partner. Therapist-only by its signature: a client never
 * sees their partner's numbers. Both must be the caller's clients (a link to
 * anyone else's reads as not found). Weeks follow the asked-about client's
 * calendar. Two queries.
 */
export async function getCoupleCheckIns(
  scope: TherapistScope,
  clientId: string,
  range: ChartPeriod,
  now: Date = new Date(),
): Promise<CoupleCheckIns | null> {
  const client = await db.client.findFirst({
    where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
    select: {
      id: true,
      displayName: true,
      timeZone: true,
      partner: { select: { id: true, displayName: true, therapistId: true, practiceId: true } },
    },
  });
  if (!client) throw notFound();
  const partner = client.partner;
  if (!partner) return null;
  if (partner.therapistId !== scope.therapistId || partner.practiceId !== scope.practiceId) throw notFound();

  const window = rangeWindow(range, todayIn(client.timeZone, now));
  const rows = await queryCheckInWeeks([client.id, partner.id], scope.practiceId, window);
  const perWeek = new Map<LocalDate, { period: LocalDate; first: CheckInValues; second: CheckInValues }>();
  for (const row of rows) {
    const week = perWeek.get(row.period) ?? { period: row.period, first: EMPTY_CHECK_IN, second: EMPTY_CHECK_IN };
    if (row.clientId === client.id) week.first = row.values;
    else week.second = row.values;
    perWeek.set(row.period, week);
  }
  const weeks = fillPeriods([...perWeek.values()], (first) => weeksBetween(first, window.currentWeek), window.from, (week, row) => ({
    week,
    first: row?.first ?? EMPTY_CHECK_IN,
    second: row?.second ?? EMPTY_CHECK_IN,
  }));
  const entriesOf = (id: string) => rows.filter((row) => row.clientId === id).reduce((sum, row) => sum + row.entries, 0);
  return {
    from: window.from,
    today: window.today,
    partners: [
      { clientId: client.id, displayName: client.displayName, entries: entriesOf(client.id) },
      { clientId: partner.id, displayName: partner.displayName, entries: entriesOf(partner.id) },
    ],
    weeks,
  };
}
