import { afterEach, describe, expect, it, vi } from "vitest";
import { deliverQueued, queueMessage } from "@/lib/mail/send-mail";

// Without SMTP, mail stays in the outbox. On the embedded demo only, it is
// also printed to the terminal of whoever started Trellis (scripts/serve.ts).
describe("unsent mail on the embedded demo", () => {
  afterEach(() => {
    delete process.env.TRELLIS_PRINT_UNSENT_MAIL;
    vi.restoreAllMocks();
  });

  const message = () =>
    queueMessage({ practiceId: null, to: "someone@example.test", subject: "Confirm your e-mail", body: "Open https://x/confirm/abc", kind: "account-confirm" });

  it("prints the message when the demo asks for it, and still keeps it", async () => {
    process.env.TRELLIS_PRINT_UNSENT_MAIL = "1";
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await deliverQueued(await message())).toBe("kept");
    expect(printed).toHaveBeenCalledTimes(1);
    expect(String(printed.mock.calls[0]?.[0])).toContain("https://x/confirm/abc");
  });

  it("prints nothing otherwise (a deployment)", async () => {
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await deliverQueued(await message())).toBe("kept");
    expect(printed).not.toHaveBeenCalled();
  });
});
