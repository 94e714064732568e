// The signed-in clinician's own upcoming sessions with their clients, for
// their own calendar: client display names, nothing clinical.
import { getIdentity } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { getEnv } from "@/lib/env";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { clinicianSessionsCalendar } from "@/lib/therapy-sessions/calendar";
import { mustEnrolTwoFactor } from "@/lib/two-factor/enforcement";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" } as const;

export async function GET(request: Request) {
  const identity = await getIdentity();
  if (!identity) return Response.json({ error: "Please sign in to download sessions." }, { status: 401, headers: NO_STORE });
  if (identity.role !== "THERAPIST") return Response.json({ error: NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
  // Like every therapist page and the record export: nothing leaves before a required second factor is set up.
  if (await mustEnrolTwoFactor(identity.userId)) {
    return Response.json({ error: "Set up two-step sign-in first (Account → Two-step sign-in)." }, { status: 403, headers: NO_STORE });
  }
  const host = new URL(getEnv().APP_URL ?? request.url).hostname;
  const body = await clinicianSessionsCalendar(therapistScope(identity), host);
  return new Response(body, {
    headers: { ...NO_STORE, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="my-sessions.ics"' },
  });
}
