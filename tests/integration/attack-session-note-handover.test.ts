// Attacker review: a session note is its author's alone. After a handover the
// new clinician (a colleague who was not in that session) must neither read
// the previous clinician's note nor rewrite it under their own name.
import { describe, expect, it } from "vitest";
import type { TherapistIdentity } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { clientReadScope } from "@/lib/practice/access";
import { handOverClient } from "@/lib/practice/handover";
import { getSessionPrep } from "@/lib/therapy-sessions/get-session-prep";
import { sessionNoteSchema } from "@/lib/therapy-sessions/schemas";
import { saveSessionNote } from "@/lib/therapy-sessions/session-note";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { addColleague, BASE, ownerOf } from "@/tests/support/practice-fixtures";

const MARKER = "PREVIOUS-CLINICIAN-NOTE-7f2a";
const HOUR = 3_600_000;

function identityOf(user: { id: string; practiceId: string; practiceRole: "OWNER" | "CLINICIAN" | "SUPERVISOR" }): TherapistIdentity {
  return { role: "THERAPIST", practiceRole: user.practiceRole, userId: user.id, sessionId: "test", practiceId: user.practiceId, name: "x", email: "x@example.test", timeZone: "Europe/London" };
}

describe("a session note after a handover", () => {
  it("stays the previous clinician's: the new clinician neither reads nor overwrites it", async () => {
    const owner = await createTherapist();
    const a = await addColleague(ownerOf(owner.scope));
    const b = await addColleague(ownerOf(owner.scope));
    const client = await createClientIn(a.scope, "Europe/London", "Handed Client");
    const now = new Date();
    const session = await db.therapySession.create({
      data: { practiceId: owner.scope.practiceId, clientId: client.clientId, clinicianId: a.user.id, startsAt: new Date(now.getTime() - 48 * HOUR) },
      select: { id: true },
    });
    await saveSessionNote(a.scope, sessionNoteSchema.parse({ sessionId: session.id, body: MARKER }), now);

    await handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id, fromClinicianId: a.user.id }, { base: BASE });

    const bScope = await clientReadScope(identityOf({ id: b.user.id, practiceId: b.user.practiceId, practiceRole: "CLINICIAN" }), client.clientId);
    expect(bScope.readOnly).toBe(false);
    const prep = await getSessionPrep(bScope, client.clientId, session.id, now);
    expect(prep.note).toBeNull();
    expect(JSON.stringify(prep)).not.toContain(MARKER);

    const refused = await rejection(saveSessionNote(b.scope, sessionNoteSchema.parse({ sessionId: session.id, body: "rewritten by B" }), now));
    expect(refused.kind).toBe("invalid");
    const stored = await db.sessionNote.findUniqueOrThrow({ where: { sessionId: session.id }, select: { body: true, authorId: true } });
    expect(stored).toEqual({ body: MARKER, authorId: a.user.id });
  });

  it("still lets the author edit their own note", async () => {
    const owner = await createTherapist();
    const a = await addColleague(ownerOf(owner.scope));
    const client = await createClientIn(a.scope, "Europe/London");
    const now = new Date();
    const session = await db.therapySession.create({
      data: { practiceId: owner.scope.practiceId, clientId: client.clientId, clinicianId: a.user.id, startsAt: new Date(now.getTime() - HOUR) },
      select: { id: true },
    });
    await saveSessionNote(a.scope, sessionNoteSchema.parse({ sessionId: session.id, body: "first" }), now);
    await saveSessionNote(a.scope, sessionNoteSchema.parse({ sessionId: session.id, body: "second" }), now);
    const scope = await clientReadScope(identityOf({ id: a.user.id, practiceId: a.user.practiceId, practiceRole: "CLINICIAN" }), client.clientId);
    expect((await getSessionPrep(scope, client.clientId, session.id, now)).note?.body).toBe("second");
  });
});
