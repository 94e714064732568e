import Link from "next/link";
import type { ClientListItem } from "@/lib/clients/list-clients";
import { formatDay } from "@/lib/dates/display";
import { RenewInvitationButton } from "./renew-invitation-button";
import { StatusBadge } from "./status-badge";

function invitationNote(client: ClientListItem, timeZone: string) {
  if (client.status !== "INVITED") return undefined;
  if (!client.invitation) return "no open link";
  // "link expires tomorrow", "link expires in 5 days", "link expires 20 Dec".
  return client.invitation.expired ? "link expired" : `link expires ${formatDay(client.invitation.expiresAt, { timeZone })}`;
}

export function ClientList({ clients, viewerTimeZone }: { clients: ClientListItem[]; viewerTimeZone: string }) {
  if (clients.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
        No clients yet. Add your first client below to create their invitation link.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white" aria-label="Clients">
      {clients.map((client) => (
        <li key={client.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="client-row">
          <div className="min-w-0">
            <Link href={`/clients/${client.id}`} className="font-semibold text-stone-900 underline-offset-2 hover:underline">
              {client.displayName}
            </Link>
            <p className="truncate text-sm text-stone-600">{client.email}</p>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-500">
              <StatusBadge status={client.status} note={invitationNote(client, viewerTimeZone)} />
              <span>{client.timeZone.replaceAll("_", " ")}</span>
            </div>
          </div>
          {client.status === "INVITED" ? (
            <div className="sm:max-w-md sm:text-right">
              <RenewInvitationButton clientId={client.id} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
