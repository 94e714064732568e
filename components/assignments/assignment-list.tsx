import type { ClientAssignment } from "@/lib/assignments/list-client-assignments";
import { progressLabel } from "@/lib/assignments/progress-label";
import { formatDay, formatDayTitle } from "@/lib/dates/display";
import { AssignmentStatusButtons, EditAssignmentForm } from "./assignment-actions";

const statusLabel = { ACTIVE: "Active", PAUSED: "Paused", ENDED: "Ended" } as const;

/** A client's homework; readOnly (owner or supervisor reading) leaves out the edit and status forms. */
export function AssignmentList({
  assignments,
  timeZone,
  readOnly = false,
}: {
  assignments: ClientAssignment[];
  /** The viewer's zone: what "today" means in the dates shown. */
  timeZone: string;
  readOnly?: boolean;
}) {
  if (assignments.length === 0) return <p className="text-stone-600">No homework assigned yet.</p>;
  const view = { timeZone, now: new Date() };
  // Schedule dates are the point here: shown as dates, not "in 3 days".
  const day = (date: string) => (
    <time dateTime={date} title={formatDayTitle(date)}>
      {formatDay(date, { ...view, relative: false })}
    </time>
  );
  return (
    <ul className="divide-y divide-stone-200" data-testid="assignment-list">
      {assignments.map((assignment) => {
        return (
          <li key={assignment.id} className="space-y-2 py-4" data-testid="assignment-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold text-stone-900">
                {assignment.title} <span className="text-xs font-normal text-stone-500">v{assignment.version}</span>
              </p>
              <p className="text-sm text-stone-700" data-testid="adherence">
                {progressLabel(assignment, view)}
              </p>
            </div>
            <p className="text-sm text-stone-600">
              {statusLabel[assignment.status]} · {assignment.scheduleLabel}
              {assignment.scheduleType === "ONCE" && assignment.dueDate ? <> · due {day(assignment.dueDate)}</> : <> · from {day(assignment.startDate)}</>}
              {assignment.endDate ? <> to {day(assignment.endDate)}</> : null}
              {assignment.nextDue && assignment.scheduleType !== "ONCE" ? (
                <>
                  {" "}
                  · next due{" "}
                  <time dateTime={assignment.nextDue} title={formatDayTitle(assignment.nextDue)}>
                    {formatDay(assignment.nextDue, view)}
                  </time>
                </>
              ) : null}
            </p>
            {assignment.note ? <p className="text-sm text-stone-700">Note: “{assignment.note}”</p> : null}
            {!readOnly && assignment.status !== "ENDED" ? (
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <EditAssignmentForm
                  assignmentId={assignment.id}
                  note={assignment.note}
                  endDate={assignment.endDate}
                  canEnd={assignment.canSetEndDate}
                />
                <AssignmentStatusButtons assignmentId={assignment.id} status={assignment.status} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
