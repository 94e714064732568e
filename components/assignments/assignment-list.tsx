import type { ClientAssignment } from "@/lib/assignments/list-client-assignments";
import { AssignmentStatusButtons, EditAssignmentForm } from "./assignment-actions";

const statusLabel = { ACTIVE: "Active", PAUSED: "Paused", ENDED: "Ended" } as const;

/** A client's homework; readOnly (owner or supervisor reading) leaves out the edit and status forms. */
export function AssignmentList({ assignments, readOnly = false }: { assignments: ClientAssignment[]; readOnly?: boolean }) {
  if (assignments.length === 0) return <p className="text-stone-600">No homework assigned yet.</p>;
  return (
    <ul className="divide-y divide-stone-200" data-testid="assignment-list">
      {assignments.map((assignment) => {
        const percent = assignment.adherence.due ? Math.round((assignment.adherence.done / assignment.adherence.due) * 100) : null;
        return (
          <li key={assignment.id} className="space-y-2 py-4" data-testid="assignment-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold text-stone-900">
                {assignment.title} <span className="text-xs font-normal text-stone-500">v{assignment.version}</span>
              </p>
              <p className="text-sm text-stone-700" data-testid="adherence">
                {assignment.adherence.done} / {assignment.adherence.due} done so far{percent !== null ? ` (${percent}%)` : ""}
              </p>
            </div>
            <p className="text-sm text-stone-600">
              {statusLabel[assignment.status]} · {assignment.scheduleLabel} · from {assignment.startDate}
              {assignment.endDate ? ` to ${assignment.endDate}` : ""}
              {assignment.nextDue ? ` · next due ${assignment.nextDue}` : ""}
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
