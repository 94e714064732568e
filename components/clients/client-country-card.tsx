import type { TherapistScope } from "@/lib/clients/scope";
import { getClientCrisisCountry } from "@/lib/safety/get-client-crisis-country";
import { Card } from "@/components/ui/card";
import { ClientCountryForm } from "./client-country-form";

/** The client's crisis-line country, for their own clinician (the page shows it only to them). */
export async function ClientCountryCard({ scope, clientId }: { scope: TherapistScope; clientId: string }) {
  const current = await getClientCrisisCountry(scope, clientId);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Safety</h2>
      <ClientCountryForm clientId={clientId} {...current} />
    </Card>
  );
}
