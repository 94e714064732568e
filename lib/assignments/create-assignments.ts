import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { maxDate, minDate, todayIn, toDbDate } from "@/lib/dates/local-date";
import { visibleTemplates } from "@/lib/templates/scope";
import type { TherapistScope } from "@/lib/clients/scope";
import type { AssignInput } from "@/lib/validations/assignments";
import { takesEndDate } from "@/lib/schedule/schedule";

/**
 * Assigns the newest version of a template to one or more of the caller's
 * clients. Dates are the client's own calendar: a start date that is already
 * past for a client (say, Tokyo is a day ahead) starts on their today, but a
 * due date that has passed for any chosen client is refused.
 */
export async function createAssignments(scope: TherapistScope, input: AssignInput, now = new Date()) {
  const template = await db.exerciseTemplate.findFirst({
    where: { AND: [{ id: input.templateId, archivedAt: null }, visibleTemplates(scope)] },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, fields: true } } },
  });
  const version = template?.versions[0];
  if (!template || !version) throw invalid("Choose an exercise from your library.", { templateId: ["Choose an exercise from your library."] });
  if (!Array.isArray(version.fields) || version.fields.length === 0) {
    throw invalid("This exercise has no questions yet.", { templateId: ["This exercise has no questions yet. Add one in the library first."] });
  }

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

  for (const client of clients) {
    const today = todayIn(client.timeZone, now);
    if (input.scheduleType === "ONCE" && input.dueDate && input.dueDate < today) {
      const message = `That due date has already passed for ${client.displayName} (it is ${today} in ${client.timeZone.replaceAll("_", " ")}).`;
      throw invalid(message, { dueDate: [message] });
    }
    if (input.endDate && input.endDate < today) {
      const message = `That end date has already passed for ${client.displayName}.`;
      throw invalid(message, { endDate: [message] });
    }
  }

  return db.$transaction(async (tx) => {
    // Still the caller's clients, held so that a handover waits for this
    // write (and moves what it wrote) or, if it came first, makes it "not
    // found" instead of leaving homework under the previous clinician.
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Client"
      WHERE "id" = ANY(${clientIds}::text[]) AND "therapistId" = ${scope.therapistId} AND "practiceId" = ${scope.practiceId}
      FOR SHARE`;
    if (held.length !== clientIds.length) throw notFound();
    const created = [];
    for (const client of clients) {
      const start = maxDate(input.startDate, todayIn(client.timeZone, now));
      created.push(await tx.assignment.create({
        data: {
          practiceId: scope.practiceId,
          therapistId: scope.therapistId,
          clientId: client.id,
          templateId: template.id,
          templateVersionId: version.id,
          note: input.note,
          scheduleType: input.scheduleType,
          // A one-off item appears from its start date; never start after it is due.
          startDate: toDbDate(input.scheduleType === "ONCE" && input.dueDate ? minDate(start, input.dueDate) : start),
          dueDate: input.scheduleType === "ONCE" && input.dueDate ? toDbDate(input.dueDate) : null,
          endDate: takesEndDate(input.scheduleType) && input.endDate ? toDbDate(input.endDate) : null,
          weekdays: input.scheduleType === "WEEKLY" ? [...new Set(input.weekdays)].sort() : [],
          dayCount: input.scheduleType === "DAILY_FOR_N_DAYS" ? (input.dayCount ?? null) : null,
        },
        select: { id: true, clientId: true },
      }));
    }
    return created;
  });
}
