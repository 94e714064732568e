import { formatMomentWithTime, type DisplayOptions } from "@/lib/dates/display";
import type { CaseloadRow } from "@/lib/caseload/types";
import type { AcknowledgeCaseloadFlagInput } from "@/lib/validations/caseload";

/** One open flag as the row shows it: a text badge (never colour alone) and what acknowledging it needs. */
export type FlagItem = {
  key: string;
  kind: AcknowledgeCaseloadFlagInput["kind"];
  label: string;
  detail: string;
  urgent: boolean;
  clientId: string;
  flagId?: string;
};

/**
 * The row's open flags, most urgent first (the order the ranking uses).
 * `view` is the viewer's zone and the server's `now`: this runs in a client
 * component, and a "today" of the browser's own could differ from the HTML.
 */
export function flagItemsOf(row: CaseloadRow, view: DisplayOptions): FlagItem[] {
  const items: FlagItem[] = row.safetyFlags.map((flag) => ({
    key: `safety-${flag.id}`,
    kind: "SAFETY",
    label: "Safety",
    detail: `Answered a safety question as unsafe (${formatMomentWithTime(flag.raisedAt, view)}).`,
    urgent: true,
    clientId: row.clientId,
    flagId: flag.id,
  }));
  const { flags } = row;
  if (flags.declining) {
    items.push({
      key: "declining",
      kind: "DECLINING_CHECK_IN",
      label: "Check-in declining",
      detail: "Their weekly trust score fell two weeks running.",
      urgent: false,
      clientId: row.clientId,
    });
  }
  if (flags.overdue > 0) {
    items.push({
      key: "overdue",
      kind: "OVERDUE",
      label: `${flags.overdue} overdue`,
      detail: `${flags.overdue} items from the last week have no entry.`,
      urgent: false,
      clientId: row.clientId,
    });
  }
  if (flags.silentDays !== null) {
    items.push({
      key: "silent",
      kind: "SILENT",
      label: `Silent ${flags.silentDays} days`,
      detail: `Nothing submitted for ${flags.silentDays} days.`,
      urgent: false,
      clientId: row.clientId,
    });
  }
  return items;
}
