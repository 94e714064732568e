import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveClientForm } from "@/components/clients/archive-client-form";
import { RenewInvitationButton } from "@/components/clients/renew-invitation-button";
import { StatusBadge } from "@/components/clients/status-badge";
import { Card } from "@/components/ui/card";
import { requireTherapist } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { therapistScope } from "@/lib/clients/scope";
import { formatDate } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: PageProps<"/clients/[clientId]">) {
  const { clientId } = await params;
  const therapist = await requireTherapist();
  const client = await getClient(therapistScope(therapist), clientId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });

  return (
    <div className="space-y-6">
      <Link href="/clients" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← All clients
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{client.displayName}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <StatusBadge status={client.status} />
          <span>{client.email}</span>
          <span>{client.timeZone.replaceAll("_", " ")}</span>
          <span>Added {formatDate(client.createdAt, therapist.timeZone)}</span>
        </div>
      </div>
      {client.status === "INVITED" ? (
        <Card>
          <h2 className="text-lg font-semibold">Waiting to join</h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            {client.displayName} hasn’t set a password yet. A new link replaces any earlier one.
          </p>
          <RenewInvitationButton clientId={client.id} label="Create a new invitation link" />
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">Homework</h2>
        <p className="mt-1 text-sm text-stone-600">Assignments and submissions will appear here.</p>
      </Card>
      {client.status !== "ARCHIVED" ? <ArchiveClientForm clientId={client.id} clientName={client.displayName} /> : null}
    </div>
  );
}
