import "server-only";
import { getEnv } from "@/lib/env";

// The e-mails about safety flags say only that something needs attention and
// where to sign in: no client name, no answers, nothing clinical. Anyone who
// can read the recipient's inbox learns nothing about a client.

function dashboardUrl(): string {
  const base = getEnv().APP_URL ?? "http://localhost:3000";
  return new URL("/dashboard", base).toString();
}

export function flagAlertMessage() {
  const url = dashboardUrl();
  return {
    subject: "A client's entry needs your attention",
    body: [
      "A client's entry needs your attention — sign in to Trellis to see it.",
      "",
      url,
      "",
      "For privacy, this e-mail never says who or what. You are receiving it because you are the client's clinician.",
    ].join("\n"),
    kind: "safety-alert",
  };
}

export function escalationMessage(hours: number) {
  const url = dashboardUrl();
  return {
    subject: "A safety flag in your practice is still waiting",
    body: [
      `A client's entry that needs attention has not been acknowledged for more than ${hours} hour${hours === 1 ? "" : "s"}.`,
      "Please sign in to Trellis and make sure someone follows it up.",
      "",
      url,
      "",
      "For privacy, this e-mail never says who or what. You are receiving it as the practice's owner or as a supervisor of the client's clinician.",
    ].join("\n"),
    kind: "safety-escalation",
  };
}
