// Attacker review: one open staff invitation per address at a time, also when
// the owner's requests race (a double submit, two tabs inviting the same
// colleague with different roles): every older link must stop working.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptStaffInvitation, inspectStaffInvitation, inviteMember, resendInvitation } from "@/lib/practice/members/invitations";
import { inviteMemberSchema } from "@/lib/practice/members/schemas";
import { createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";
import { BASE, ownerOf } from "@/tests/support/practice-fixtures";

describe("staff invitations under concurrency", () => {
  it("leaves exactly one working link when the same address is invited several times at once", async () => {
    const owner = await createTherapist();
    const email = uniqueEmail("raced");
    const roles = (["CLINICIAN", "SUPERVISOR"] as const).flatMap((role) => Array<typeof role>(5).fill(role));
    const issued = await Promise.all(
      roles.map((practiceRole) => inviteMember(ownerOf(owner.scope), inviteMemberSchema.parse({ name: "Raced Colleague", email, practiceRole }), { base: BASE })),
    );
    const open = await db.staffInvitation.count({ where: { practiceId: owner.scope.practiceId, email, usedAt: null, revokedAt: null } });
    expect(open).toBe(1);
    const states = await Promise.all(issued.map((row) => inspectStaffInvitation(row.token!)));
    expect(states.filter((state) => state.status === "valid")).toHaveLength(1);
  });

  it("leaves one working link when a re-send races a new invitation of the same address", async () => {
    const owner = await createTherapist();
    const email = uniqueEmail("resend-raced");
    const first = await inviteMember(ownerOf(owner.scope), inviteMemberSchema.parse({ name: "Colleague", email, practiceRole: "CLINICIAN" }), { base: BASE });
    const settled = await Promise.allSettled([
      resendInvitation(ownerOf(owner.scope), first.id, { base: BASE }),
      inviteMember(ownerOf(owner.scope), inviteMemberSchema.parse({ name: "Colleague", email, practiceRole: "SUPERVISOR" }), { base: BASE }),
    ]);
    // The re-send may find the first invitation already replaced (not found); never a second open link.
    const open = await db.staffInvitation.findMany({ where: { practiceId: owner.scope.practiceId, email, usedAt: null, revokedAt: null }, select: { id: true } });
    expect(open).toHaveLength(1);
    const tokens = [first.token!, ...settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.token!] : []))];
    const results = await Promise.allSettled(tokens.map((token) => acceptStaffInvitation({ token, name: "Colleague", timeZone: "Europe/Dublin", password: PASSWORD })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});
