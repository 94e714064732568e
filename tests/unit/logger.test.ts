import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, describeError } from "@/lib/log/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("server logs", () => {
  it("writes one JSON object per event with the fields given", () => {
    const { logger, lines } = capture();
    logger.warn({ requestId: "r-1", status: 503, ms: 12 }, "database unavailable");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 40, requestId: "r-1", status: 503, ms: 12, msg: "database unavailable", app: "trellis" });
  });

  it("never writes names, e-mail addresses, answers, notes or secrets, even nested", () => {
    const { logger, lines } = capture();
    const secrets = {
      email: "jordan@example.com",
      name: "Jordan Reyes",
      answers: { feeling: "I was scared when he shouted" },
      note: "talked about the affair",
      password: "hunter2-hunter2",
    };
    logger.error({ ...secrets, nested: { ...secrets }, deeper: { inner: { ...secrets } } }, "oops");
    const written = lines.join("\n");
    for (const value of ["jordan@example.com", "Jordan Reyes", "scared", "affair", "hunter2"]) {
      expect(written).not.toContain(value);
    }
    expect(written).toContain("[redacted]");
  });

  it("keeps an error's type and code but only the first line of its message", () => {
    const error = Object.assign(new Error("duplicate key\nDETAIL: Key (email)=(jordan@example.com) exists"), { code: "P2002" });
    const described = describeError(error);
    expect(described).toMatchObject({ type: "Error", code: "P2002", message: "duplicate key" });
    expect(JSON.stringify(described)).not.toContain("jordan@example.com");
  });
});

describe("LOG_LEVEL", () => {
  it("falls back to a working level instead of crashing on a typo", () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "verbose-please";
    try {
      expect(() => createLogger(new Writable({ write: (_chunk, _encoding, done) => done() }))).not.toThrow();
    } finally {
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
  });
});
