import "server-only";
import { z } from "zod";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/validations/text";
import { COUNTRY_CODE } from "./country";

export const AUTOMATIC_COUNTRY = "auto";

export const clientCountrySchema = z.object({
  clientId: idField,
  // "auto": from the client's time zone (stored as null).
  country: z
    .string({ error: "Choose a country." })
    .refine((value) => value === AUTOMATIC_COUNTRY || COUNTRY_CODE.test(value), { error: "Choose a country." })
    .transform((value) => (value === AUTOMATIC_COUNTRY ? null : value)),
});

/** Which country's crisis lines the client sees; only their own clinician may change it. */
export async function setClientCountry(scope: TherapistScope, input: z.output<typeof clientCountrySchema>) {
  const { address } = await actionEventContext();
  await db.$transaction(async (tx) => {
    const updated = await tx.client.updateMany({
      where: { id: input.clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
      data: { country: input.country },
    });
    if (updated.count !== 1) throw notFound();
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "client.country_changed",
      subjectType: "Client",
      subjectId: input.clientId,
      clientId: input.clientId,
      address,
      metadata: { country: input.country ?? AUTOMATIC_COUNTRY },
    });
  });
}
