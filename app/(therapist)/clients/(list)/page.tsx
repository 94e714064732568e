import type { Metadata } from "next";
import { AddClientForm } from "@/components/clients/add-client-form";
import { ClientList } from "@/components/clients/client-list";
import { Card } from "@/components/ui/card";
import { requireStaff, TREATING_ROLES } from "@/lib/practice/access";
import { listClients } from "@/lib/clients/list-clients";
import { therapistScope } from "@/lib/clients/scope";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage() {
  const therapist = await requireStaff(TREATING_ROLES);
  const clients = await listClients(therapistScope(therapist));
  const active = clients.filter((client) => client.status === "ACTIVE").length;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Clients</h1>
        <p className="mt-1 text-stone-600">
          {active} active · {clients.length - active} waiting to join
        </p>
      </div>
      <ClientList clients={clients} viewerTimeZone={therapist.timeZone} />
      <Card>
        <h2 className="text-lg font-semibold">Add a client</h2>
        <p className="mt-1 mb-4 text-sm text-stone-600">
          You’ll get a private link to send them. They choose a password and land in their portal.
        </p>
        <AddClientForm defaultTimeZone={therapist.timeZone} />
      </Card>
    </div>
  );
}
