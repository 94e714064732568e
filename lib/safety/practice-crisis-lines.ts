import "server-only";
import { z } from "zod";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import type { TherapistScope } from "@/lib/clients/scope";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { CRISIS_LINE_MESSAGES, countryLinesSchema, crisisLineSchema, crisisLinesSchema, parseStoredCrisisLines } from "./crisis-line-schemas";
import { COUNTRY_KEY, MAX_LINES_PER_COUNTRY, type CrisisLine, type CrisisLinesByCountry } from "./crisis-resources";

const countryKeyField = z.string({ error: CRISIS_LINE_MESSAGES.country }).trim().toUpperCase().regex(COUNTRY_KEY, { error: CRISIS_LINE_MESSAGES.country });

// Rows left empty in the form arrive as null and are dropped after each row
// is checked, so an error's path (lines.<n>.name) is that of the form's input.
const formLinesSchema = z
  .array(crisisLineSchema.nullable())
  .max(MAX_LINES_PER_COUNTRY, { error: CRISIS_LINE_MESSAGES.tooMany })
  .transform((rows) => rows.filter((row): row is CrisisLine => row !== null))
  .pipe(countryLinesSchema);

export const saveCountryLinesSchema = z.object({ country: countryKeyField, lines: formLinesSchema });
export const resetCountryLinesSchema = z.object({ country: countryKeyField });

/** The form posts rows `lines.<n>.name|phone|text`; an entirely empty row is null. */
export function countryLinesFromForm(formData: FormData) {
  const value = (key: string) => {
    const entry = formData.get(key);
    return typeof entry === "string" ? entry : "";
  };
  const lines = Array.from({ length: MAX_LINES_PER_COUNTRY }, (_, index) => {
    const row = { name: value(`lines.${index}.name`), phone: value(`lines.${index}.phone`), text: value(`lines.${index}.text`) };
    return row.name.trim() || row.phone.trim() || row.text.trim() ? row : null;
  });
  return { country: formData.get("country"), lines };
}

export type PracticeCrisisLines = { lines: CrisisLinesByCountry; storedWasInvalid: boolean };

/** The practice's own lines, as the settings page shows them; stored lines that fail the schema read as none. */
export async function getPracticeCrisisLines(practiceId: string): Promise<PracticeCrisisLines> {
  const practice = await db.practice.findUnique({ where: { id: practiceId }, select: { crisisLines: true } });
  const parsed = parseStoredCrisisLines(practice?.crisisLines);
  return { lines: parsed ?? {}, storedWasInvalid: practice?.crisisLines != null && parsed === null };
}

// Owners only, checked in the query as well as by the action wrapper.
async function lockOwnPractice(tx: Tx, scope: TherapistScope): Promise<CrisisLinesByCountry> {
  const rows = await tx.$queryRaw<{ crisisLines: unknown }[]>`
    SELECT p."crisisLines" FROM "Practice" p
    JOIN "User" u ON u."practiceId" = p."id"
    WHERE p."id" = ${scope.practiceId} AND u."id" = ${scope.therapistId}
      AND u."practiceRole" = 'OWNER' AND u."deactivatedAt" IS NULL
    FOR UPDATE OF p`;
  if (!rows[0]) throw notFound();
  return parseStoredCrisisLines(rows[0].crisisLines) ?? {};
}

async function write(tx: Tx, scope: TherapistScope, next: CrisisLinesByCountry, country: string, change: "saved" | "reset") {
  // Checked again as a whole before it is stored (the same schema every read uses).
  const checked = crisisLinesSchema.parse(next);
  await tx.practice.update({
    where: { id: scope.practiceId },
    data: { crisisLines: Object.keys(checked).length ? checked : Prisma.DbNull },
  });
  const { address } = await actionEventContext();
  await recordEvent(tx, {
    practiceId: scope.practiceId,
    actorId: scope.therapistId,
    action: "practice.crisis_lines_changed",
    subjectType: "Practice",
    subjectId: scope.practiceId,
    address,
    metadata: { country, change },
  });
}

/** Replaces the built-in lines for one country (or INTL) with the practice's own. */
export async function saveCountryLines(scope: TherapistScope, input: z.output<typeof saveCountryLinesSchema>) {
  await db.$transaction(async (tx) => {
    const current = await lockOwnPractice(tx, scope);
    await write(tx, scope, { ...current, [input.country]: input.lines }, input.country, "saved");
  });
}

/** Goes back to the built-in lines for one country. */
export async function resetCountryLines(scope: TherapistScope, input: z.output<typeof resetCountryLinesSchema>) {
  await db.$transaction(async (tx) => {
    const current = await lockOwnPractice(tx, scope);
    const rest = Object.fromEntries(Object.entries(current).filter(([country]) => country !== input.country));
    await write(tx, scope, rest, input.country, "reset");
  });
}
