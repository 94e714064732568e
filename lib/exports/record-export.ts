import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";

/** A copy of a clinical record taken: a view of it, so it carries the client and the caller's address. */
export async function recordExport(args: { practiceId: string; actorId: string; clientId: string; format: string }) {
  const { address } = await actionEventContext();
  return db.$transaction((tx) =>
    recordEvent(tx, {
      practiceId: args.practiceId,
      actorId: args.actorId,
      action: "client.exported",
      subjectType: "Client",
      subjectId: args.clientId,
      clientId: args.clientId,
      address,
      metadata: { format: args.format },
    }),
  );
}
