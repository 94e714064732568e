// How the trail names who looked at a record: a client's own views read as
// "client", their partner's (at an entry shared with them) as "partner".
import { describe, expect, it } from "vitest";
import { actorRoleLabel } from "@/lib/audit/describe-event";

describe("actorRoleLabel", () => {
  const clinician = { id: "u-clinician", role: "THERAPIST" as const, practiceRole: "CLINICIAN" as const };
  it("names the client's own clinician, colleagues by role, the client and their partner", () => {
    expect(actorRoleLabel(clinician, "u-clinician")).toBe("therapist");
    expect(actorRoleLabel({ id: "u-owner", role: "THERAPIST", practiceRole: "OWNER" }, "u-clinician")).toBe("practice owner");
    expect(actorRoleLabel({ id: "u-client", role: "CLIENT", practiceRole: null }, "u-clinician", "u-client")).toBe("client");
    expect(actorRoleLabel({ id: "u-partner", role: "CLIENT", practiceRole: null }, "u-clinician", "u-client")).toBe("partner");
    expect(actorRoleLabel({ id: "u-partner", role: "CLIENT", practiceRole: null }, "u-clinician")).toBe("client");
  });
});
