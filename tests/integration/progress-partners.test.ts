// Linking two clients as partners: both ways, only the caller's own
// non-archived clients, never over an existing link; and unlinking.
import { beforeAll, describe, expect, it } from "vitest";
import { archiveClient } from "@/lib/clients/archive-client";
import { getPartnerOptions, linkPartners, linkPartnersSchema, unlinkPartner } from "@/lib/clients/link-partners";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const ZONE = "Europe/London";

let therapistA: TherapistScope;
let therapistB: TherapistScope;

beforeAll(async () => {
  therapistA = (await createTherapist()).scope;
  therapistB = (await createTherapist()).scope;
});

const partnerOf = async (clientId: string) =>
  (await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { partnerId: true } })).partnerId;

describe("linkPartners", () => {
  it("links both ways, is idempotent, and unlinks both ways", async () => {
    const first = await createClientIn(therapistA, ZONE, "Ana");
    const second = await createClientIn(therapistA, ZONE, "Ben");

    await linkPartners(therapistA, first.clientId, second.clientId);
    await linkPartners(therapistA, second.clientId, first.clientId);

    expect([await partnerOf(first.clientId), await partnerOf(second.clientId)]).toEqual([second.clientId, first.clientId]);
    expect((await getPartnerOptions(therapistA, first.clientId)).partner).toEqual({ id: second.clientId, displayName: "Ben" });

    await unlinkPartner(therapistA, second.clientId);
    expect([await partnerOf(first.clientId), await partnerOf(second.clientId)]).toEqual([null, null]);
  });

  it("refuses a client already linked with someone else, with a clear message", async () => {
    const first = await createClientIn(therapistA, ZONE, "Cleo");
    const second = await createClientIn(therapistA, ZONE, "Dev");
    const third = await createClientIn(therapistA, ZONE, "Eli");
    await linkPartners(therapistA, first.clientId, second.clientId);

    const error = await rejection(linkPartners(therapistA, third.clientId, second.clientId));

    expect(error.kind).toBe("invalid");
    expect(error.message).toBe("Dev is already linked with another partner. Unlink them first.");
    expect(error.fieldErrors.partnerClientId).toEqual([error.message]);
    expect([await partnerOf(first.clientId), await partnerOf(second.clientId), await partnerOf(third.clientId)]).toEqual([
      second.clientId,
      first.clientId,
      null,
    ]);
  });

  it("refuses ids that no record can have (a NUL byte never reaches PostgreSQL)", () => {
    expect(linkPartnersSchema.safeParse({ clientId: "c\u0000x", partnerClientId: "cabc" }).success).toBe(false);
    const partner = linkPartnersSchema.safeParse({ clientId: "cabc", partnerClientId: "x\u0000" });
    expect(partner.success).toBe(false);
    expect(partner.error?.issues[0]?.message).toBe("Choose the client's partner.");
  });

  it("refuses another therapist's client (not found) and changes nothing", async () => {
    const mine = await createClientIn(therapistA, ZONE);
    const theirs = await createClientIn(therapistB, ZONE);

    expect((await rejection(linkPartners(therapistA, mine.clientId, theirs.clientId))).kind).toBe("not_found");
    expect((await rejection(linkPartners(therapistB, mine.clientId, theirs.clientId))).kind).toBe("not_found");
    expect((await rejection(unlinkPartner(therapistB, mine.clientId))).kind).toBe("not_found");
    expect((await rejection(getPartnerOptions(therapistB, mine.clientId))).kind).toBe("not_found");
    expect([await partnerOf(mine.clientId), await partnerOf(theirs.clientId)]).toEqual([null, null]);
  });

  it("refuses an archived client and the client themselves", async () => {
    const client = await createClientIn(therapistA, ZONE);
    const archived = await createClientIn(therapistA, ZONE);
    await archiveClient(therapistA, archived.clientId);

    expect((await rejection(linkPartners(therapistA, client.clientId, archived.clientId))).kind).toBe("invalid");
    const self = await rejection(linkPartners(therapistA, client.clientId, client.clientId));
    expect([self.kind, self.message]).toEqual(["invalid", "A client can't be their own partner."]);
    expect(await partnerOf(client.clientId)).toBeNull();
  });

  it("does not let another therapist unlink a couple through their own client", async () => {
    const first = await createClientIn(therapistA, ZONE);
    const second = await createClientIn(therapistA, ZONE);
    await linkPartners(therapistA, first.clientId, second.clientId);
    const outsider = await createClientIn(therapistB, ZONE);

    await unlinkPartner(therapistB, outsider.clientId);

    expect([await partnerOf(first.clientId), await partnerOf(second.clientId)]).toEqual([second.clientId, first.clientId]);
  });
});

describe("getPartnerOptions", () => {
  it("offers the caller's other unlinked, non-archived clients only", async () => {
    const therapist = (await createTherapist()).scope;
    const me = await createClientIn(therapist, ZONE, "Mia");
    const free = await createClientIn(therapist, ZONE, "Noor");
    const taken = await createClientIn(therapist, ZONE, "Oli");
    const takenToo = await createClientIn(therapist, ZONE, "Pat");
    const archived = await createClientIn(therapist, ZONE, "Quinn");
    await createClientIn(therapistB, ZONE, "Ray");
    await linkPartners(therapist, taken.clientId, takenToo.clientId);
    await archiveClient(therapist, archived.clientId);

    expect(await getPartnerOptions(therapist, me.clientId)).toEqual({ partner: null, candidates: [{ id: free.clientId, displayName: "Noor" }] });
  });
});
