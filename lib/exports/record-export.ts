import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";

export function recordExport(args: { practiceId: string; actorId: string; clientId: string; format: string }) {
  return db.$transaction((tx) =>
    recordEvent(tx, {
      practiceId: args.practiceId,
      actorId: args.actorId,
      action: "client.exported",
      subjectType: "Client",
      subjectId: args.clientId,
      metadata: { format: args.format },
    }),
  );
}
