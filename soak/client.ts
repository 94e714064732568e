// One simulated client on a phone: signed in as their own account, typing a
// few words every 1–2 s into today's journal and autosaving as the portal
// does (components/portal/use-autosave.ts): by the saveDraftAction Server
// Action, by the /api/drafts route once a save has failed, a save that has
// not answered within the portal's timeout counts as failed (its late answer
// still counts), a conflict caused by one of its own late saves is built on.
// Now and then it submits (submitEntryAction, sometimes twice at once) and
// goes on with the next open day. Every request is timed to its answer, and
// every acknowledged save and submission is remembered for the integrity check.
import { Session } from "../bench/http";
import { actionResult } from "./action-reply";
import { DOUBLE_SUBMIT_SHARE, FIELD_KEY, SAVES_BEFORE_SUBMIT, TYPE_INTERVAL_MS } from "./plan";
import type { Acknowledged, Sample } from "./report";

export type ActionIds = { save: string; submit: string };

type Answer = { ok: true; version?: number; submissionId?: string } | { ok: false; reason: string; current?: { answers: Record<string, unknown>; version: number }; submissionId?: string };

/** A request's outcome as the phone sees it. */
type Outcome = { answer: Answer | null; status: number; error: string | null };

const WORDS = "we talked after dinner and I said what worried me it went better than last time I listened more and kept calm about the phone".split(" ");
const HARD_LIMIT_MS = 60_000;
const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimulatedClient {
  readonly session: Session;
  private entryIndex = 0;
  private text = "";
  private version = 0;
  private savesOnEntry = 0;
  private submitAfter = Math.round(between(SAVES_BEFORE_SUBMIT));
  /** The last save failed or timed out: the next one goes by the route, as the portal's does. */
  private failing = false;
  /** Texts this client sent whose answer it has not seen yet (a late one may land). */
  private unanswered = new Set<string>();
  /** Saves the phone stopped waiting for, still under way. */
  private readonly pending = new Set<Promise<void>>();
  private submitting = false;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    readonly index: number,
    baseUrl: string,
    private readonly account: { email: string; assignmentId: string },
    private readonly entryKeys: string[],
    private readonly actions: ActionIds,
    private readonly timeoutMs: number,
    /** The phase a request belongs to (the one it started in) and the run's clock. */
    private readonly clock: { phase(): number; now(): number },
    private readonly record: (sample: Sample) => void,
    private readonly acknowledged: Acknowledged,
  ) {
    this.session = new Session(baseUrl);
  }

  signIn(password: string) {
    return this.session.signIn(this.account.email, password);
  }

  get entryKey() {
    return this.entryKeys[this.entryIndex]!;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      // Not all in step.
      await sleep(Math.random() * TYPE_INTERVAL_MS[1]);
      while (this.running) {
        await this.step();
        await sleep(between(TYPE_INTERVAL_MS));
      }
    })();
  }

  /** Stops typing; resolves when its last request (also one it gave up on) has answered. */
  async stop() {
    this.running = false;
    await this.loop;
    await Promise.all(this.pending);
  }

  /** One tick: type and save, or submit. */
  async step() {
    const last = this.entryIndex === this.entryKeys.length - 1;
    if (this.submitting || (!last && this.savesOnEntry >= this.submitAfter)) {
      this.submitting = true;
      await this.submit();
      return;
    }
    const count = 2 + Math.floor(Math.random() * 4);
    const start = Math.floor(Math.random() * WORDS.length);
    const words = Array.from({ length: count }, (_, i) => WORDS[(start + i) % WORDS.length]);
    this.text += `${this.text ? " " : ""}${words.join(" ")}`;
    await this.save();
  }

  private payload(text: string) {
    return {
      assignmentId: this.account.assignmentId,
      entryKey: this.entryKey,
      answers: { [FIELD_KEY]: text },
      privateKeys: [] as string[],
      baseVersion: this.version,
    };
  }

  /** The portal waits for a save's answer up to its timeout, then goes on (by the route) without it. */
  private async save() {
    const text = this.text;
    const entryKey = this.entryKey;
    const payload = this.payload(text);
    const via = this.failing ? "route" : "action";
    this.unanswered.add(text);
    const request = this.send(via === "route" ? this.byRoute(payload) : this.byAction(this.actions.save, payload), "save", via);
    const settled = request.then((outcome) => this.applySave(entryKey, text, outcome));
    const inTime = await Promise.race([settled.then(() => true), sleep(this.timeoutMs).then(() => false)]);
    if (!inTime) {
      // The portal stops waiting and retries by the route; this answer still counts when it comes.
      this.failing = true;
      const late = settled.finally(() => this.pending.delete(late));
      this.pending.add(late);
    }
  }

  private applySave(entryKey: string, text: string, outcome: Outcome) {
    this.unanswered.delete(text);
    const answer = outcome.answer;
    if (answer?.ok && typeof answer.version === "number") {
      this.acknowledged.draft(this.account.assignmentId, entryKey, text, answer.version);
      if (entryKey !== this.entryKey) return;
      this.version = Math.max(this.version, answer.version);
      if (outcome.error === null) this.failing = false;
      this.savesOnEntry++;
      return;
    }
    if (entryKey !== this.entryKey) return;
    this.failing = true;
    if (answer && !answer.ok && answer.reason === "conflict" && answer.current) {
      const theirs = answer.current.answers[FIELD_KEY];
      // One of our own saves landed after we stopped waiting for it: build on it.
      if (typeof theirs === "string" && (theirs === this.text || this.unanswered.has(theirs) || this.text.startsWith(theirs))) {
        this.version = Math.max(this.version, answer.current.version);
      } else {
        this.version = answer.current.version;
      }
    } else if (answer && !answer.ok && answer.reason === "submitted") {
      // A submit it had stopped waiting for went through.
      this.nextEntry();
    }
  }

  private async submit() {
    // As the portal's submit button: whatever is typed, on the version last saved; twice on a double tap.
    const payload = this.payload(this.text);
    const entryKey = this.entryKey;
    const copies = Math.random() < DOUBLE_SUBMIT_SHARE ? 2 : 1;
    const outcomes = await Promise.all(
      Array.from({ length: copies }, () => this.send(this.byAction(this.actions.submit, payload), "submit", "action")),
    );
    for (const outcome of outcomes) {
      const answer = outcome.answer;
      if (answer?.ok && answer.submissionId) this.acknowledged.submission(this.account.assignmentId, entryKey, payload.answers[FIELD_KEY]!, answer.submissionId);
    }
    if (entryKey !== this.entryKey) return;
    const done = outcomes.find((outcome) => outcome.answer?.ok || (outcome.answer && !outcome.answer.ok && outcome.answer.reason === "submitted"));
    if (done) {
      this.nextEntry();
      return;
    }
    const conflict = outcomes.map((outcome) => outcome.answer).find((answer) => answer && !answer.ok && answer.reason === "conflict" && answer.current);
    if (conflict && !conflict.ok && conflict.current) this.version = Math.max(this.version, conflict.current.version);
    // Otherwise: pressed again on the next tick, with the same text.
  }

  private nextEntry() {
    this.entryIndex = Math.min(this.entryIndex + 1, this.entryKeys.length - 1);
    this.text = "";
    this.version = 0;
    this.savesOnEntry = 0;
    this.submitAfter = Math.round(between(SAVES_BEFORE_SUBMIT));
    this.submitting = false;
    this.failing = false;
    this.unanswered.clear();
  }

  private async send(request: Promise<{ status: number; answer: Answer | null; note?: string }>, kind: Sample["kind"], via: Sample["via"]): Promise<Outcome> {
    const phase = this.clock.phase();
    const started = this.clock.now();
    let status = 0;
    let answer: Answer | null = null;
    let note = "";
    try {
      ({ status, answer, note = "" } = await request);
    } catch (error) {
      note = error instanceof Error ? (error.name === "TimeoutError" ? "no answer in 60 s" : ((error.cause as Error | undefined)?.message ?? error.message)) : String(error);
    }
    const ended = this.clock.now();
    const ms = ended - started;
    const acked = Boolean(answer?.ok);
    let error: Sample["error"] = null;
    if (ms > this.timeoutMs) error = "timeout";
    else if (status === 503 || (answer && !answer.ok && answer.reason === "unavailable")) error = "503";
    else if (!acked && !(answer && !answer.ok && answer.reason === "submitted")) error = "other";
    const detail = error === "other" ? (answer && !answer.ok ? answer.reason : note || `HTTP ${status}`) : undefined;
    this.record({ client: this.index, phase, kind, via, started, ended, ms, acked, error, detail });
    return { answer, status, error };
  }

  private async byAction(id: string, payload: ReturnType<SimulatedClient["payload"]>) {
    // Posted to the entry's own page, as the browser does from it.
    const response = await this.session.request(`/portal/homework/${payload.assignmentId}/${payload.entryKey}`, {
      method: "POST",
      headers: {
        "Next-Action": id,
        Origin: this.session.baseUrl,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      body: JSON.stringify([payload]),
      signal: AbortSignal.timeout(HARD_LIMIT_MS),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return { status: response.status, answer: null, note: `HTTP ${response.status}` };
    try {
      return { status: response.status, answer: actionResult(body) as Answer };
    } catch (error) {
      return { status: response.status, answer: null, note: `unreadable reply (${error instanceof Error ? error.message : error})` };
    }
  }

  private async byRoute(payload: ReturnType<SimulatedClient["payload"]>) {
    const response = await this.session.request("/api/drafts", {
      method: "POST",
      headers: { "content-type": "application/json", Origin: this.session.baseUrl },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(HARD_LIMIT_MS),
    });
    const answer = (await response.json().catch(() => null)) as Answer | null;
    return { status: response.status, answer, note: `HTTP ${response.status}` };
  }
}
