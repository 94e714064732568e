import Link from "next/link";
import type { TherapistScope } from "@/lib/clients/scope";
import { listSharedEntriesOfClient } from "@/lib/couples/shared-entries";
import { DayText } from "@/components/dates/date-text";

/**
 * For the clinician: the entries this client shares with their partner now
 * (each share, withdrawal and look is also in the access history).
 */
export async function SharedWithPartnerList({ scope, clientId, timeZone }: { scope: TherapistScope; clientId: string; timeZone: string }) {
  const entries = await listSharedEntriesOfClient(scope, clientId);
  return (
    <div className="mt-4 border-t border-stone-200 pt-4" data-testid="shared-with-partner">
      <h3 className="font-semibold text-stone-900">Shared with their partner</h3>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">Nothing shared at the moment. Clients choose what to share, one entry at a time.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link href={`/review/${entry.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {entry.title}
              </Link>{" "}
              <span className="text-stone-700">
                · shared <DayText value={entry.sharedAt} view={{ timeZone }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
