// One client's upcoming sessions as an iCalendar file, for whoever may read
// the client (clientReadScope). The events carry no name and nothing clinical.
import { getIdentity } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { clientReadScope } from "@/lib/practice/access";
import { clientSessionsCalendar } from "@/lib/therapy-sessions/calendar";
import { mustEnrolTwoFactor } from "@/lib/two-factor/enforcement";
import { isId } from "@/lib/validations/text";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" } as const;
const fail = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const identity = await getIdentity();
  if (!identity) return fail(401, "Please sign in to download sessions.");
  if (identity.role !== "THERAPIST") return fail(404, NOT_FOUND_MESSAGE);
  // Like every therapist page and the record export: nothing leaves before a required second factor is set up.
  if (await mustEnrolTwoFactor(identity.userId)) return fail(403, "Set up two-step sign-in first (Account → Two-step sign-in).");
  const { clientId } = await params;
  if (!isId(clientId)) return fail(404, NOT_FOUND_MESSAGE);
  let body: string;
  try {
    body = await clientSessionsCalendar(await clientReadScope(identity, clientId), clientId, calendarHost(request));
  } catch (error) {
    if (error instanceof AppError) return fail(404, NOT_FOUND_MESSAGE);
    throw error;
  }
  return new Response(body, {
    headers: { ...NO_STORE, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="sessions.ics"' },
  });
}

/** Event ids end in this installation's host (the configured public address, else this request's). */
function calendarHost(request: Request): string {
  return new URL(getEnv().APP_URL ?? request.url).hostname;
}
