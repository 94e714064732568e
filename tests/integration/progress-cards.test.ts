// The progress cards rendered to HTML with real data: heading, summary in
// words, the table alternative, empty states that say what to assign, and
// no private answer anywhere in the markup. (Each async card is awaited
// like a Server Component would be, then rendered with react-dom/server.)
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ReactElement } from "react";
import { AdherenceCard } from "@/components/progress/adherence-card";
import { CheckInCard } from "@/components/progress/check-in-card";
import { CoupleCard } from "@/components/progress/couple-card";
import { MeasureCard } from "@/components/progress/measure-card";
import { PromiseCard } from "@/components/progress/promise-card";
import { SelfCheckCard } from "@/components/progress/self-check-card";
import { TriggerLogCard } from "@/components/progress/trigger-log-card";
import type { ProgressCardProps } from "@/components/progress/card-props";
import type { TherapistScope } from "@/lib/clients/scope";
import { linkPartners } from "@/lib/clients/link-partners";
import { db } from "@/lib/db";
import { instantOf } from "@/lib/dates/local-date";
import { clientViewer, therapistViewer } from "@/lib/progress/viewer";
import { assignBuiltIn, createClientIn } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const ZONE = "Europe/London";
const MARKER = "PRIVATE-CARD-MARKER-42c1";
// Cards ask for "now": pin it, so the fixed dates below stay inside the range.
const NOW = instantOf("2026-01-14", "12:00", ZONE);

let therapist: TherapistScope;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  therapist = (await createTherapist()).scope;
  return () => vi.useRealTimers();
});

type Client = Awaited<ReturnType<typeof createClientIn>>;

async function record(client: Client, slug: string, day: string, metrics: Record<string, number>, answers: Record<string, unknown> = {}) {
  const assignmentId = await assignBuiltIn(therapist, slug, client.clientId, { scheduleType: "DAILY", startDate: "2026-01-05" }, instantOf("2026-01-05", "09:00", ZONE));
  const { templateVersionId } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { templateVersionId: true } });
  const submission = await db.submission.create({
    data: {
      practiceId: client.scope.practiceId,
      clientId: client.clientId,
      assignmentId,
      templateVersionId,
      dueOn: new Date(`${day}T00:00:00Z`),
      entryKey: slug === "trigger-log" ? "log-cards00001" : day,
      status: "SUBMITTED",
      answers: answers as object,
      privateAnswers: { note: MARKER },
      privateKeys: ["note"],
      submittedAt: NOW,
    },
  });
  await db.measurement.createMany({
    data: Object.entries(metrics).map(([field, value]) => ({
      practiceId: client.scope.practiceId,
      clientId: client.clientId,
      submissionId: submission.id,
      metric: `${slug}.${field}`,
      value,
      recordedOn: new Date(`${day}T00:00:00Z`),
    })),
  });
}

async function seeded(name: string) {
  const client = await createClientIn(therapist, ZONE, name);
  await record(client, "weekly-trust-check-in", "2025-12-15", { predictability: 4, reliability: 4, emotional_safety: 4, worry: 7, times_checked: 6 });
  await record(client, "weekly-trust-check-in", "2026-01-12", { predictability: 6, reliability: 7, emotional_safety: 6, worry: 4, times_checked: 1 });
  await record(client, "trigger-log", "2026-01-12", { intensity_before: 8, intensity_after: 3 }, { evidence_or_emotion: "emotion" });
  await record(client, "micro-promises", "2026-01-13", { kept: 1 });
  await record(client, "phq-9", "2026-01-12", { total: 12 });
  await record(client, "gad-7", "2026-01-12", { total: 4 });
  await record(client, "signs-of-mistrust-self-check", "2026-01-12", { "signs.count": 3 });
  return client;
}

async function html(card: Promise<ReactElement | null>): Promise<string> {
  const element = await card;
  return element ? renderToString(element) : "";
}

// renderToString escapes quotes and apostrophes; compare against plain text.
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

function everyCard(props: ProgressCardProps) {
  return [
    CheckInCard(props),
    TriggerLogCard(props),
    PromiseCard(props),
    MeasureCard({ ...props, measure: "phq-9" }),
    MeasureCard({ ...props, measure: "gad-7" }),
    SelfCheckCard(props),
    AdherenceCard(props),
  ];
}

describe("progress cards", () => {
  it("show a heading, a summary in words and a table for the therapist, without private answers", async () => {
    const client = await seeded("Robin");
    const viewer = therapistViewer(therapist, client.clientId);
    const pages = await Promise.all(everyCard({ viewer, range: "12w", audience: "therapist" }).map(html));
    const all = text(pages.join("\n"));

    expect(all).toContain("Weekly trust check-in");
    expect(all).toContain("Emotional safety rose from 4 to 6 over the last four weeks.");
    expect(all).toContain("Worry fell from 7 to 4 over the last four weeks.");
    expect(all).toContain("1 trigger logged in the last 12 weeks, with a mean intensity of 8 out of 10.");
    expect(all).toContain("Intensity dropped by 5 points on average after coping.");
    expect(all).toContain("Current streak: 1 day kept in a row.");
    expect(all).toContain("Latest total 12 on 12 Jan 2026 (moderate)");
    expect(all).toContain("Latest (week of 12 Jan 2026): predictability 6, reliability 7, emotional safety 6, worry 4, times checked 1.");
    expect(all).toContain("Show as a table");
    expect(all).toContain("13 Jan 2026: kept");
    for (const page of pages) expect(page).toMatch(/<table/);
    expect(all).not.toContain(MARKER);
  });

  it("say in one short line that a period is empty, never ask to assign, and print nothing for an empty card", async () => {
    const client = await createClientIn(therapist, ZONE, "Sasha");
    const therapistText = text((await Promise.all(everyCard({ viewer: therapistViewer(therapist, client.clientId), range: "4w", audience: "therapist" }).map(html))).join("\n"));
    const clientText = text((await Promise.all(everyCard({ viewer: clientViewer(client.scope), range: "4w", audience: "client" }).map(html))).join("\n"));
    const printed = (await Promise.all(everyCard({ viewer: therapistViewer(therapist, client.clientId), range: "4w", audience: "therapist", variant: "print" }).map(html))).join("");

    expect(therapistText.match(/No entries in this period\./g)).toHaveLength(7);
    expect(therapistText).not.toContain("Assign");
    expect(clientText.match(/Nothing here in this period\./g)).toHaveLength(7);
    expect(clientText).not.toContain("Assign");
    expect(printed).toBe("");
  });

  it("keep each summary to at most two short sentences, and print without buttons or form controls", async () => {
    const client = await seeded("Quinn");
    for (const audience of ["therapist", "client"] as const) {
      const viewer = audience === "therapist" ? therapistViewer(therapist, client.clientId) : clientViewer(client.scope);
      const pages = await Promise.all(everyCard({ viewer, range: "12w", audience }).map(html));
      const summaries = pages.join("").match(/<p data-summary[^>]*>(.*?)<\/p>/g) ?? [];
      expect(summaries).toHaveLength(7);
      for (const summary of summaries) {
        const words = text(summary).trim();
        expect(words.split(/(?<=\.)\s+(?=[A-Z0-9])/).length, words).toBeLessThanOrEqual(2);
        expect(words.split(" ").length, words).toBeLessThanOrEqual(40);
      }
    }
    const printed = (await Promise.all(everyCard({ viewer: therapistViewer(therapist, client.clientId), range: "12w", audience: "therapist", variant: "print" }).map(html))).join("");
    expect(printed).toMatch(/<table/);
    expect(printed).not.toMatch(/<(button|input|select|details|summary)\b/);
  });

  it("show the couple side by side for the therapist only when linked", async () => {
    const first = await seeded("Alex");
    const second = await seeded("Jordan");
    expect(await html(CoupleCard({ scope: therapist, clientId: first.clientId, range: "12w" }))).toBe("");

    await linkPartners(therapist, first.clientId, second.clientId);
    const couple = text(await html(CoupleCard({ scope: therapist, clientId: first.clientId, range: "12w" })));

    expect(couple).toContain("Partners side by side");
    expect(couple).toContain("Alex: 2 check-ins; latest (week of 12 Jan 2026) predictability 6, reliability 7, emotional safety 6, worry 4.");
    expect(couple).toContain("Jordan: 2 check-ins");
    expect(couple).not.toContain(MARKER);
  });
});
