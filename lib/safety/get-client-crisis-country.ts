import "server-only";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { countryForTimeZone } from "./country";
import { parseStoredCrisisLines } from "./crisis-line-schemas";

/** What the client page's country form shows: the chosen country, the time zone's, and the practice's own countries. */
export async function getClientCrisisCountry(scope: TherapistScope, clientId: string) {
  const client = await db.client.findFirst({
    where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
    select: { country: true, timeZone: true, practice: { select: { crisisLines: true } } },
  });
  if (!client) throw notFound();
  return {
    country: client.country,
    fromTimeZone: countryForTimeZone(client.timeZone),
    practiceCountries: Object.keys(parseStoredCrisisLines(client.practice.crisisLines) ?? {}),
  };
}
