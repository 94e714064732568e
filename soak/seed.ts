// Seeds the soak's practice into DATABASE_URL (the throw-away database of
// scripts/soak.ts) through the app's own functions: one therapist, N clients
// who accepted their invitation, a one-question journal exercise and a daily
// assignment of it for each. Run with the react-server condition (like
// db:seed). Writes the accounts as JSON to the file named by argv[2].
//   tsx soak/seed.ts <out.json> <clients> <password>
import { writeFileSync } from "node:fs";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { addClient } from "@/lib/clients/add-client";
import { addDays, todayIn, toDbDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { ENTRY_DAYS, FIELD_KEY, SOAK_TIME_ZONE, type SoakAccounts } from "./plan";

const [out, count, password] = process.argv.slice(2);
const clients = Number(count);
if (!out || !Number.isInteger(clients) || clients < 1 || !password) throw new Error("usage: tsx soak/seed.ts <out.json> <clients> <password>");

try {
  const therapist = await createTherapistAccount({
    name: "Dr. Ada Soak",
    practiceName: "Soak Practice",
    email: "therapist@soak.trellis.test",
    password,
    timeZone: SOAK_TIME_ZONE,
  });
  const scope = { therapistId: therapist.id, practiceId: therapist.practiceId };
  const template = await createCustomTemplate(scope, {
    title: "Evening journal",
    purpose: "A few lines about the day.",
    kind: "journal",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [{ type: "long_text", key: FIELD_KEY, label: "What happened today, in your own words?" }],
  });

  const accounts: SoakAccounts["clients"] = [];
  const BATCH = 5;
  for (let start = 0; start < clients; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, clients - start) }, (_, offset) => start + offset);
    const made = await Promise.all(
      batch.map(async (index) => {
        const email = `client${index + 1}@soak.trellis.test`;
        const { client, invitation } = await addClient(scope, { displayName: `Soak Client ${index + 1}`, email, timeZone: SOAK_TIME_ZONE });
        await acceptInvitation({ token: invitation.token, password });
        return { index, clientId: client.id, email };
      }),
    );
    for (const item of made) accounts[item.index] = { email: item.email, clientId: item.clientId, assignmentId: "" };
  }

  const today = todayIn(SOAK_TIME_ZONE);
  const assignments = await createAssignments(scope, {
    templateId: template.templateId,
    clientIds: accounts.map((account) => account.clientId),
    note: null,
    scheduleType: "DAILY",
    startDate: today,
    dueDate: undefined,
    endDate: undefined,
    weekdays: [],
    dayCount: undefined,
  });
  for (const assignment of assignments) {
    accounts.find((account) => account.clientId === assignment.clientId)!.assignmentId = assignment.id;
  }
  // As if assigned a week ago, so the last ENTRY_DAYS days are all open
  // (missed items stay writable for the overdue window): a client can submit
  // one and go on with the next. createAssignments never backdates a start.
  await db.assignment.updateMany({
    where: { id: { in: assignments.map((assignment) => assignment.id) } },
    data: { startDate: toDbDate(addDays(today, -ENTRY_DAYS)) },
  });

  const result: SoakAccounts = { therapistEmail: "therapist@soak.trellis.test", today, clients: accounts };
  writeFileSync(out, JSON.stringify(result));
} finally {
  await db.$disconnect();
}
