import "server-only";
import { db } from "@/lib/db";
import { clientCountry } from "./country";
import { parseStoredCrisisLines } from "./crisis-line-schemas";
import { crisisLinesFor, type CrisisLine } from "./crisis-resources";

export type CrisisResources = {
  /** The country whose lines these are (ISO code or INTL). */
  country: string;
  lines: CrisisLine[];
  /** The practice's own words (Practice.crisisResources), shown under the lines. */
  note: string | null;
};

/**
 * The crisis lines the signed-in client sees: their practice's lines for
 * their country (chosen by the therapist, else from their time zone), else
 * the built-in ones, else the international ones. Stored lines that fail the
 * schema are ignored, never an error page: the numbers must always show.
 */
export async function getCrisisResources(identity: { clientId: string; practiceId: string }): Promise<CrisisResources> {
  const client = await db.client.findFirst({
    where: { id: identity.clientId, practiceId: identity.practiceId },
    select: { country: true, timeZone: true, practice: { select: { crisisLines: true, crisisResources: true } } },
  });
  const country = client ? clientCountry(client) : null;
  const chosen = crisisLinesFor(country, parseStoredCrisisLines(client?.practice.crisisLines));
  const note = client?.practice.crisisResources?.trim() || null;
  return { country: chosen.key, lines: chosen.lines, note };
}
