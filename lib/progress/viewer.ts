import "server-only";
import type { TherapistScope } from "@/lib/clients/scope";
import type { ClientScope } from "@/lib/homework/client-scope";

/**
 * Who is looking at whose progress. A therapist names the client (and every
 * function checks that client is theirs); a client can only ever look at
 * themselves, so their variant has no client id to choose. Plain strings
 * only, so a page can hand one object to every card.
 */
export type ProgressViewer =
  | { role: "therapist"; therapistId: string; practiceId: string; clientId: string }
  | { role: "client"; practiceId: string; clientId: string };

export function therapistViewer(scope: TherapistScope, clientId: string): ProgressViewer {
  return { role: "therapist", therapistId: scope.therapistId, practiceId: scope.practiceId, clientId };
}

export function clientViewer(scope: Pick<ClientScope, "clientId" | "practiceId">): ProgressViewer {
  return { role: "client", practiceId: scope.practiceId, clientId: scope.clientId };
}
