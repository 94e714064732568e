// A missing id must never widen a query to every row (lib/db.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UndefinedFilterError } from "@/lib/db-guard";
import { createInvitedClient, createTherapist } from "@/tests/support/integration-fixtures";

describe("the undefined-filter guard on the Prisma client", () => {
  it("refuses a top-level undefined filter and names the field", async () => {
    const query = db.client.findMany({ where: { therapistId: undefined } });

    await expect(query).rejects.toBeInstanceOf(UndefinedFilterError);
    await expect(db.client.findMany({ where: { therapistId: undefined } })).rejects.toThrow(/where\.therapistId/);
  });

  it("refuses an undefined value nested in AND / OR / relation filters", async () => {
    await expect(db.client.findMany({ where: { AND: [{ id: undefined }] } })).rejects.toBeInstanceOf(UndefinedFilterError);
    await expect(db.client.findMany({ where: { OR: [{ status: "ACTIVE" }, { email: undefined }] } })).rejects.toBeInstanceOf(
      UndefinedFilterError,
    );
    await expect(db.invitation.findFirst({ where: { client: { therapistId: undefined } } })).rejects.toBeInstanceOf(
      UndefinedFilterError,
    );
    await expect(db.client.findMany({ where: { id: { in: ["a", undefined as unknown as string] } } })).rejects.toBeInstanceOf(
      UndefinedFilterError,
    );
  });

  it("guards writes, so an unscoped update or delete touches nothing", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);

    await expect(
      db.client.updateMany({ where: { therapistId: undefined }, data: { status: "ARCHIVED" } }),
    ).rejects.toBeInstanceOf(UndefinedFilterError);
    await expect(db.invitation.deleteMany({ where: { clientId: undefined } })).rejects.toBeInstanceOf(UndefinedFilterError);

    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).status).toBe("INVITED");
    expect(await db.invitation.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("guards queries made inside an interactive transaction", async () => {
    await expect(
      db.$transaction((tx) => tx.client.findMany({ where: { therapistId: undefined } })),
    ).rejects.toBeInstanceOf(UndefinedFilterError);
  });

  it("lets ordinary scoped queries, nulls and dates through", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);

    const found = await db.client.findMany({
      where: { therapistId: scope.therapistId, userId: null, createdAt: { lte: new Date() } },
      select: { id: true },
    });

    expect(found).toEqual([{ id: client.id }]);
  });
});
