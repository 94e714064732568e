// Several weeks of homework for the demo practice, written through the app's
// own functions with `now` set to each past day, so every rule (schedules,
// idempotent submit, measurements, safety flags) applies as in real use.
import { createAssignments } from "@/lib/assignments/create-assignments";
import { addDays, daysBetween, instantOf, todayIn, weekdayOf, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import type { Answers } from "@/lib/exercises";
import type { ClientScope } from "@/lib/homework/client-scope";
import { saveDraft } from "@/lib/homework/save-draft";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { giveFeedback, setReviewed } from "@/lib/review/give-feedback";
import type { TherapistScope } from "@/lib/clients/scope";
import { assignSchema } from "@/lib/validations/assignments";
import type { z } from "zod";
import { seededRandom } from "./random";

export type DemoClient = ClientScope & { name: string };
type AssignFields = Omit<z.input<typeof assignSchema>, "clientIds" | "startDate">;

const random = seededRandom(20261122);
const at = (client: DemoClient, date: LocalDate, time = "20:30") => instantOf(date, time, client.timeZone);

async function templateId(slug: string) {
  return (await db.exerciseTemplate.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function assign(therapist: TherapistScope, client: DemoClient, startDate: LocalDate, fields: AssignFields) {
  // The same validation as the therapist's form.
  const input = assignSchema.parse({ ...fields, clientIds: [client.clientId], startDate });
  const [created] = await createAssignments(therapist, input, at(client, startDate, "09:00"));
  return created!.id;
}

/** Submits the item due on `date`, as if on `doneOn` (one-off items may be done before they are due). */
async function submit(client: DemoClient, assignmentId: string, date: LocalDate, answers: Answers, time?: string, doneOn: LocalDate = date) {
  return submitEntry(client, { assignmentId, entryKey: date, answers, privateKeys: [], baseVersion: 0 }, at(client, doneOn, time));
}

async function submitLog(client: DemoClient, assignmentId: string, date: LocalDate, answers: Answers, time: string) {
  const now = at(client, date, time);
  const entryKey = await startLogEntry(client, assignmentId, now);
  return submitEntry(client, { assignmentId, entryKey, answers, privateKeys: [], baseVersion: 0 }, now);
}

/** Sundays from `from` up to (not including) `until`. */
function sundays(from: LocalDate, until: LocalDate): LocalDate[] {
  const first = addDays(from, (7 - weekdayOf(from)) % 7);
  const days: LocalDate[] = [];
  for (let day = first; day < until; day = addDays(day, 7)) days.push(day);
  return days;
}

export async function weeklyCheckIns(therapist: TherapistScope, client: DemoClient, today: LocalDate, weeks: number, shape: { from: number; to: number; worryFrom: number; worryTo: number; skip?: number[] }) {
  const start = addDays(today, -weeks * 7);
  const id = await assign(therapist, client, start, {
    templateId: await templateId("weekly-trust-check-in"),
    scheduleType: "WEEKLY",
    weekdays: [0],
    note: "Sunday evening, before you talk about the week together.",
  });
  const days = sundays(start, today);
  const ids: string[] = [];
  for (const [index, day] of days.entries()) {
    if (shape.skip?.includes(index)) continue;
    const progress = days.length > 1 ? index / (days.length - 1) : 1;
    // Uneven on purpose: week 4 is a setback.
    const dip = index === 3 ? -2 : 0;
    const result = await submit(client, id, day, {
      predictability: Math.max(0, random.trend(shape.from, shape.to, progress) + dip),
      reliability: random.trend(shape.from, shape.to, progress),
      emotional_safety: Math.max(0, random.trend(shape.from - 1, shape.to, progress) + dip),
      worry: Math.min(10, random.trend(shape.worryFrom, shape.worryTo, progress) - dip),
      times_checked: Math.max(0, Math.round(10 - progress * 7 + (random.next() - 0.5) * 3)),
    });
    ids.push(result.submissionId);
  }
  return ids;
}

export async function microPromises(therapist: TherapistScope, client: DemoClient, today: LocalDate, daysAgo: number, keptRate: number) {
  const start = addDays(today, -daysAgo);
  const id = await assign(therapist, client, start, {
    templateId: await templateId("micro-promises"),
    scheduleType: "DAILY_FOR_N_DAYS",
    dayCount: 30,
    note: "Keep each promise small enough that you can keep it even on a hard day.",
  });
  const promises = ["Text when I'm running late", "Be home for dinner by 7", "Put my phone away at dinner", "Ask about their day and listen", "Do the dishes I said I'd do", "Call at lunch like I said"];
  for (let day = start; day < today; day = addDays(day, 1)) {
    if (random.chance(0.1)) continue; // a missed day now and then
    const roll = random.next();
    await submit(client, id, day, {
      promise: random.pick(promises),
      kept: roll < keptRate ? "yes" : roll < keptRate + 0.15 ? "partly" : "no",
      ...(random.chance(0.6) ? { partner_kept: random.pick(["They called when they said they would", "They made coffee for me", "They were on time", "They asked before making plans"]) } : {}),
    }, "21:00");
  }
  return id;
}

async function triggerLog(therapist: TherapistScope, client: DemoClient, today: LocalDate, weeks: number) {
  const start = addDays(today, -weeks * 7);
  const id = await assign(therapist, client, start, {
    templateId: await templateId("trigger-log"),
    scheduleType: "DAILY",
    note: "Whenever a doubt hits hard. A few lines is plenty.",
  });
  const span = daysBetween(start, today);
  for (let day = start; day < today; day = addDays(day, 1)) {
    const progress = daysBetween(start, day) / span;
    const entries = random.chance(0.55) ? (random.chance(0.3) ? 2 : 1) : 0;
    for (let entry = 0; entry < entries; entry++) {
      const before = random.trend(8, 5, progress, 1);
      const coped = random.chance(0.3 + progress * 0.5);
      await submitLog(client, id, day, {
        trigger: random.pick(["late_reply", "late_reply", "routine_change", "social_media", "partner_withdrawn"]),
        intensity_before: before,
        evidence_or_emotion: random.chance(0.25) ? "evidence" : random.chance(0.8) ? "emotion" : "unsure",
        reassurance_needed: random.pick(["To hear that we're okay", "A quick text back", "To know where they were", "A hug"]),
        what_i_did: coped ? ["paused", "named_feeling", ...(random.chance(0.5) ? ["asked_calmly"] : [])] : [random.pick(["checked_phone", "accused"]), "named_feeling"],
        intensity_after: Math.max(0, before - (coped ? 2 + Math.round(random.next() * 2) : Math.round(random.next()))),
      }, entry === 0 ? "13:15" : "22:10");
    }
  }
}

/** A living practice: everything older than four days has been read. */
export async function markOlderEntriesReviewed(therapist: TherapistScope, realNow: Date) {
  const older = await db.submission.findMany({
    where: {
      practiceId: therapist.practiceId,
      client: { therapistId: therapist.therapistId },
      status: "SUBMITTED",
      reviewedAt: null,
      submittedAt: { lt: new Date(realNow.getTime() - 4 * 86_400_000) },
    },
    select: { id: true, submittedAt: true },
  });
  for (const entry of older) {
    await setReviewed(therapist, { submissionId: entry.id, reviewed: true }, new Date((entry.submittedAt ?? realNow).getTime() + 86_400_000));
  }
}

export async function seedDemoHistory(therapist: TherapistScope, clients: { jordan: DemoClient; sam: DemoClient; aiko: DemoClient }, realNow = new Date()) {
  const { jordan, sam, aiko } = clients;
  const today = (client: DemoClient) => todayIn(client.timeZone, realNow);

  // Jordan: the one who was hurt. Check-ins improve unevenly; triggers ease.
  const jordanCheckIns = await weeklyCheckIns(therapist, jordan, today(jordan), 8, { from: 3, to: 6, worryFrom: 8, worryTo: 4, skip: [5] });
  await triggerLog(therapist, jordan, today(jordan), 6);
  const jordanPromises = await microPromises(therapist, jordan, today(jordan), 17, 0.7);
  // Mid-way through today's micro-promise: a saved draft, not yet submitted.
  await saveDraft(jordan, { assignmentId: jordanPromises, entryKey: today(jordan), answers: { promise: "Leave work on time and text when I leave" }, privateKeys: [], baseVersion: 0 }, realNow);

  for (const [index, submissionId] of jordanCheckIns.slice(0, -2).entries()) {
    if (index % 2 === 1) continue;
    await giveFeedback(therapist, { submissionId, body: random.pick([
      "Thank you for being so honest about this week. Notice how the worry dipped on the days you named the feeling first.",
      "That setback makes sense after the late nights. It doesn't undo the work you've done. Let's look at it together on Thursday.",
      "You checked far less this week. That is a real change, and it came from you.",
    ]) });
  }

  // Sam: the partner who broke trust. Steadier check-ins, an apology, promises.
  await weeklyCheckIns(therapist, sam, today(sam), 6, { from: 5, to: 7, worryFrom: 5, worryTo: 3 });
  const apologyStart = addDays(today(sam), -24);
  const apology = await assign(therapist, sam, apologyStart, {
    templateId: await templateId("sincere-apology-planner"),
    scheduleType: "ONCE",
    dueDate: addDays(apologyStart, 4),
    note: "Take your time with this one. We'll read it together first.",
  });
  const samsApology = await submit(sam, apology, addDays(apologyStart, 4), {
    what_i_did: "I kept messaging someone from work late at night and hid it when Jordan asked.",
    my_responsibility: "I chose to hide it. Nobody made me do that, and I knew it would hurt.",
    impact_on_partner: "Jordan stopped feeling safe believing what I say, and started checking everything.",
    doing_differently: "Tell Jordan straight away when anyone from work contacts me after hours, and show the message if asked.",
  }, "21:30", addDays(apologyStart, 3));
  await microPromises(therapist, sam, today(sam), 17, 0.8);

  // Aiko (Tokyo): grounding practice, a mood measure, and a safety answer to follow up.
  const groundingStart = addDays(today(aiko), -21);
  const grounding = await assign(therapist, aiko, groundingStart, {
    templateId: await templateId("grounding-practice"),
    scheduleType: "DAILY",
    note: "Try it once a day, and whenever the worry spikes.",
  });
  for (let day = groundingStart; day < today(aiko); day = addDays(day, 1)) {
    if (!random.chance(0.5)) continue;
    const before = random.trend(7, 5, daysBetween(groundingStart, day) / 21);
    await submitLog(aiko, grounding, day, {
      worry_before: before,
      box_breathing: { completed: true, seconds: 120 },
      senses: { see: "lamp, window, mug, plant, my bag", touch: "chair, sleeve, floor, table", hear: "rain, fridge, trains", smell: "tea, soap", taste: "mint" },
      worry_after: Math.max(0, before - 2 - Math.round(random.next() * 2)),
    }, "07:40");
  }
  const phqStart = addDays(today(aiko), -28);
  const phq = await assign(therapist, aiko, phqStart, { templateId: await templateId("phq-9"), scheduleType: "WEEKLY", weekdays: [weekdayOf(phqStart)] });
  for (let week = 0; week < 4; week++) {
    const level = week < 2 ? 2 : 1;
    const answer = (base: number) => String(Math.max(0, Math.min(3, base + (random.chance(0.4) ? -1 : 0))));
    await submit(aiko, phq, addDays(phqStart, week * 7), {
      q1_interest: answer(level), q2_feeling_down: answer(level), q3_sleep: answer(level + 1), q4_energy: answer(level),
      q5_appetite: answer(level - 1), q6_self_worth: answer(level), q7_concentration: answer(level), q8_moving_or_speaking: "0", q9_self_harm: "0",
    });
  }
  const safetyDay = addDays(today(aiko), -1);
  const safety = await assign(therapist, aiko, safetyDay, {
    templateId: await templateId("relationship-safety-check"),
    scheduleType: "ONCE",
    dueDate: safetyDay,
  });
  await submit(aiko, safety, safetyDay, {
    consistent_accountable: "partly",
    safe_over_time: "no",
    growing_or_anxious: "anxious",
    afraid_or_unsafe: "partly",
  });

  await markOlderEntriesReviewed(therapist, realNow);
  // Sam shares the apology with Jordan once the two are linked (seed-demo-practice.ts).
  return { samsApologyId: samsApology.submissionId };
}
