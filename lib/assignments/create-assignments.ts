import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { maxDate, minDate, todayIn, toDbDate } from "@/lib/dates/local-date";
import { visibleTemplates } from "@/lib/templates/scope";
import type { TherapistScope } from "@/lib/clients/scope";
import type { AssignInput } from "@/lib/validations/assignments";
import { takesEndDate } from "@/lib/schedule/schedule";
import type { AssignItem, AssignManyInput } from "./assign-many-schema";

type Created = { id: string; clientId: string };

/**
 * Assigns the newest version of a template to one or more of the caller's
 * clients. Dates are the client's own calendar: a start date that is already
 * past for a client (say, Tokyo is a day ahead) starts on their today, but a
 * due date that has passed for any chosen client is refused.
 */
export function createAssignments(scope: TherapistScope, input: AssignInput, now = new Date()): Promise<Created[]> {
  const { clientIds, note, ...item } = input;
  return writeAssignments(scope, { clientIds, note, items: [item] }, now, () => "");
}

/**
 * Several exercises, each with its own schedule, to the chosen clients in one
 * transaction: all or nothing, with each exercise's errors on its own fields
 * (`items.<n>.dueDate`). A request key makes a repeated submit (a double
 * click, a retry after a timeout) answer with what the first one assigned.
 */
export function createAssignmentBatch(scope: TherapistScope, input: AssignManyInput, now = new Date()): Promise<Created[]> {
  return writeAssignments(scope, input, now, (index) => `items.${index}.`);
}

async function writeAssignments(scope: TherapistScope, input: AssignManyInput, now: Date, field: (index: number) => string): Promise<Created[]> {
  const templateIds = [...new Set(input.items.map((item) => item.templateId))];
  const templates = await db.exerciseTemplate.findMany({
    where: { AND: [{ id: { in: templateIds }, archivedAt: null }, visibleTemplates(scope)] },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, fields: true } } },
  });
  const versionOf = new Map<string, string>();
  input.items.forEach((item, index) => {
    const version = templates.find((template) => template.id === item.templateId)?.versions[0];
    const key = `${field(index)}templateId`;
    if (!version) throw invalid("Choose an exercise from your library.", { [key]: ["Choose an exercise from your library."] });
    if (!Array.isArray(version.fields) || version.fields.length === 0) {
      throw invalid("This exercise has no questions yet.", { [key]: ["This exercise has no questions yet. Add one in the library first."] });
    }
    versionOf.set(item.templateId, version.id);
  });

  const clientIds = [...new Set(input.clientIds)];
  const clients = await db.client.findMany({
    where: { id: { in: clientIds }, therapistId: scope.therapistId, practiceId: scope.practiceId },
    select: { id: true, displayName: true, timeZone: true, status: true },
  });
  if (clients.length !== clientIds.length) throw notFound();
  const archived = clients.filter((client) => client.status === "ARCHIVED");
  if (archived.length) {
    const message = `${archived.map((client) => client.displayName).join(", ")} ${archived.length === 1 ? "is" : "are"} archived and can’t receive homework.`;
    throw invalid(message, { clientIds: [message] });
  }

  input.items.forEach((item, index) => {
    for (const client of clients) {
      const today = todayIn(client.timeZone, now);
      if (item.scheduleType === "ONCE" && item.dueDate && item.dueDate < today) {
        const message = `That due date has already passed for ${client.displayName} (it is ${today} in ${client.timeZone.replaceAll("_", " ")}).`;
        throw invalid(message, { [`${field(index)}dueDate`]: [message] });
      }
      if (item.endDate && item.endDate < today) {
        const message = `That end date has already passed for ${client.displayName}.`;
        throw invalid(message, { [`${field(index)}endDate`]: [message] });
      }
    }
  });

  return db.$transaction(async (tx) => {
    if (input.requestKey) {
      // One submit at a time per key; the second finds what the first wrote.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assign:${scope.therapistId}:${input.requestKey}`}, 0))`;
      const earlier = await tx.auditEvent.findFirst({
        where: { subjectType: "AssignRequest", subjectId: input.requestKey, actorId: scope.therapistId, action: "homework.assigned" },
        select: { metadata: true },
      });
      if (earlier) {
        const ids = String((earlier.metadata as Record<string, string> | null)?.assignmentIds ?? "").split(",").filter(Boolean);
        const rows = await tx.assignment.findMany({ where: { id: { in: ids }, therapistId: scope.therapistId }, select: { id: true, clientId: true } });
        return ids.flatMap((id) => rows.filter((row) => row.id === id));
      }
    }
    // Still the caller's clients, held so that a handover waits for this
    // write (and moves what it wrote) or, if it came first, makes it "not
    // found" instead of leaving homework under the previous clinician.
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Client"
      WHERE "id" = ANY(${clientIds}::text[]) AND "therapistId" = ${scope.therapistId} AND "practiceId" = ${scope.practiceId}
      FOR SHARE`;
    if (held.length !== clientIds.length) throw notFound();
    const created: Created[] = [];
    for (const item of input.items) {
      for (const client of clients) {
        created.push(
          await tx.assignment.create({
            data: rowFor(scope, item, versionOf.get(item.templateId)!, client, input.note, now),
            select: { id: true, clientId: true },
          }),
        );
      }
    }
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "homework.assigned",
      subjectType: input.requestKey ? "AssignRequest" : "Assignment",
      subjectId: input.requestKey ?? created[0]!.id,
      metadata: { assignmentIds: created.map((row) => row.id).join(","), exercises: String(input.items.length), clients: String(clients.length) },
    });
    return created;
  });
}

function rowFor(scope: TherapistScope, item: AssignItem, templateVersionId: string, client: { id: string; timeZone: string }, note: string | null, now: Date) {
  const start = maxDate(item.startDate, todayIn(client.timeZone, now));
  return {
    practiceId: scope.practiceId,
    therapistId: scope.therapistId,
    clientId: client.id,
    templateId: item.templateId,
    templateVersionId,
    note,
    scheduleType: item.scheduleType,
    // A one-off item appears from its start date; never start after it is due.
    startDate: toDbDate(item.scheduleType === "ONCE" && item.dueDate ? minDate(start, item.dueDate) : start),
    dueDate: item.scheduleType === "ONCE" && item.dueDate ? toDbDate(item.dueDate) : null,
    endDate: takesEndDate(item.scheduleType) && item.endDate ? toDbDate(item.endDate) : null,
    weekdays: item.scheduleType === "WEEKLY" ? [...new Set(item.weekdays)].sort() : [],
    dayCount: item.scheduleType === "DAILY_FOR_N_DAYS" ? (item.dayCount ?? null) : null,
  };
}
