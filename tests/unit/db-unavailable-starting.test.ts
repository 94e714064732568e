// Found by npm run soak: while PostgreSQL starts again (recovery after a
// stop) it refuses connections with SQLSTATE 57P03 "the database system is
// not yet accepting connections", and saves answered a bare 500. A tiny
// loopback server answers the startup packet exactly as PostgreSQL does then.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { PrismaClient } from "@/lib/generated/prisma/client";

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [["S", "FATAL"], ["V", "FATAL"], ["C", code], ["M", message]].map(([type, value]) => Buffer.from(`${type}${value}\0`)).concat(Buffer.from("\0")),
  );
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.once("data", () => socket.end(errorResponse("57P03", "the database system is not yet accepting connections")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("isDatabaseUnavailable while PostgreSQL is starting", () => {
  it("counts 'not yet accepting connections' (57P03) as an outage", async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://app:x@127.0.0.1:${port}/trellis` }) });
    try {
      const error = await client.$queryRaw`select 1`.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });
});
