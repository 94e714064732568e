import { orDenied } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { clientReadScope } from "@/lib/practice/access";
import { requireIdParams } from "@/lib/not-found-page";

// The client is looked up here, outside the segment's loading boundary, so a
// missing or someone else's client answers a real 404 before anything streams
// (and the attempt is audited); the pages reuse the same per-request lookup.
export default async function ClientSegment({ children, params }: LayoutProps<"/clients/[clientId]">) {
  const { clientId } = await requireIdParams(params, "clientId");
  const therapist = await requireTherapist();
  await orDenied(therapist, { action: "client.viewed", subjectType: "Client", subjectId: clientId }, async () =>
    getClient(await clientReadScope(therapist, clientId), clientId),
  );
  return children;
}
