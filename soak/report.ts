// The soak's accounting: requests per phase, what each phase's figures are,
// what the server acknowledged, and whether the database still holds all of
// it (nothing lost, nothing twice). Pure functions, so they are tested
// without a server (tests/unit/soak-report.test.ts).
import { percentile } from "../bench/report";

export { percentile };

export type ErrorKind = "timeout" | "503" | "other";

/** One request as a simulated phone saw it. Times in ms on the run's clock. */
export type Sample = {
  client: number;
  /** The phase it started in (-1: warm-up, not reported). */
  phase: number;
  kind: "save" | "submit";
  via: "action" | "route";
  started: number;
  ended: number;
  ms: number;
  /** The server answered ok (a save with its version, a submit with its id), however late. */
  acked: boolean;
  /** What the phone counts as a failure: no answer within its timeout, the outage answer, or anything else not ok. */
  error: ErrorKind | null;
  detail?: string;
};

export type Phase = {
  index: number;
  name: string;
  clients: number;
  start: number;
  end: number;
  /** When the fault was over (the database reachable again); recovery is counted from here. */
  faultEnd?: number;
};

export type PhaseFigures = {
  phase: Phase;
  requests: number;
  perSecond: number;
  saves: number;
  /** Latency of saves the server acknowledged, ms. */
  p50: number;
  p95: number;
  p99: number;
  errors: Record<ErrorKind, number>;
  /** Seconds from the fault's end to the first acknowledged save, and until every client had one. */
  recoverFirst: number | null;
  recoverAll: number | null;
  /** Clients that had no acknowledged save after the fault by the phase's end. */
  notRecovered: number;
  longest: number;
};

export function phaseFigures(phase: Phase, samples: Sample[]): PhaseFigures {
  const own = samples.filter((sample) => sample.phase === phase.index);
  const saves = own.filter((sample) => sample.kind === "save");
  const latencies = saves.filter((sample) => sample.acked).map((sample) => sample.ms);
  const errors: Record<ErrorKind, number> = { timeout: 0, "503": 0, other: 0 };
  for (const sample of own) if (sample.error) errors[sample.error]++;
  const seconds = (phase.end - phase.start) / 1000;

  let recoverFirst: number | null = null;
  let recoverAll: number | null = null;
  let notRecovered = 0;
  if (phase.faultEnd !== undefined) {
    const faultEnd = phase.faultEnd;
    // Any acknowledged save that came back after the fault ended, whenever it was sent.
    const after = samples.filter((sample) => sample.kind === "save" && sample.acked && sample.ended >= faultEnd && sample.ended <= phase.end);
    if (after.length) recoverFirst = (Math.min(...after.map((sample) => sample.ended)) - faultEnd) / 1000;
    const clients = new Set(own.map((sample) => sample.client));
    const firstByClient = new Map<number, number>();
    for (const sample of after) {
      const seen = firstByClient.get(sample.client);
      if (seen === undefined || sample.ended < seen) firstByClient.set(sample.client, sample.ended);
    }
    notRecovered = [...clients].filter((client) => !firstByClient.has(client)).length;
    if (clients.size && !notRecovered) recoverAll = (Math.max(...firstByClient.values()) - faultEnd) / 1000;
  }

  return {
    phase,
    requests: own.length,
    perSecond: seconds > 0 ? own.length / seconds : 0,
    saves: saves.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    recoverFirst,
    recoverAll,
    notRecovered,
    longest: own.length ? Math.max(...own.map((sample) => sample.ms)) : Number.NaN,
  };
}

const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "—");

export function formatPhases(figures: PhaseFigures[]): string[] {
  const lines = [
    "phase                          clients    s   req  req/s  save p50 / p95 / p99 ms   timeout  503  other   recover first / all s   longest ms",
  ];
  for (const row of figures) {
    const recover =
      row.phase.faultEnd === undefined
        ? "—"
        : `${row.recoverFirst === null ? "never" : num(row.recoverFirst, 1)} / ${row.recoverAll === null ? `${row.notRecovered} never` : num(row.recoverAll, 1)}`;
    lines.push(
      [
        `${row.phase.index} ${row.phase.name}`.padEnd(30),
        String(row.phase.clients).padStart(8),
        num((row.phase.end - row.phase.start) / 1000).padStart(4),
        String(row.requests).padStart(5),
        num(row.perSecond, 1).padStart(6),
        `${num(row.p50)} / ${num(row.p95)} / ${num(row.p99)}`.padStart(24),
        String(row.errors.timeout).padStart(9),
        String(row.errors["503"]).padStart(4),
        String(row.errors.other).padStart(6),
        recover.padStart(23),
        num(row.longest).padStart(12),
      ].join(" "),
    );
  }
  return lines;
}

/** What the server acknowledged, per entry (assignment + entry key). */
export class Acknowledged {
  readonly entries = new Map<string, { assignmentId: string; entryKey: string; draft: { text: string; version: number } | null; submitted: { text: string; ids: Set<string> } | null }>();
  saves = 0;
  submissions = 0;

  private entry(assignmentId: string, entryKey: string) {
    const key = `${assignmentId}|${entryKey}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { assignmentId, entryKey, draft: null, submitted: null };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** A save answered with a version: the highest version's text must survive. */
  draft(assignmentId: string, entryKey: string, text: string, version: number) {
    this.saves++;
    const entry = this.entry(assignmentId, entryKey);
    if (!entry.draft || version > entry.draft.version) entry.draft = { text, version };
  }

  submission(assignmentId: string, entryKey: string, text: string, submissionId: string) {
    this.submissions++;
    const entry = this.entry(assignmentId, entryKey);
    if (!entry.submitted) entry.submitted = { text, ids: new Set() };
    entry.submitted.ids.add(submissionId);
  }
}

/** One entry as the database holds it (rows: how many Submission rows it has; 1 unless something is wrong). */
export type StoredEntry = { assignmentId: string; entryKey: string; id: string; status: string; text: string | null; rows: number };

export type Integrity = { entries: number; lost: string[]; duplicates: string[] };

/**
 * Every acknowledged save is in the database: the stored text of its entry
 * starts with the text of the newest acknowledged version (a client only
 * ever appends, so a later save contains every earlier one). Every
 * acknowledged submission is stored once, as submitted, with the text that
 * was submitted, under the one id the server gave every time it answered.
 * `extraDuplicates`: duplicates found in other tables (measurements, flags).
 */
export function checkIntegrity(acknowledged: Acknowledged, stored: StoredEntry[], extraDuplicates: string[] = []): Integrity {
  const byKey = new Map(stored.map((row) => [`${row.assignmentId}|${row.entryKey}`, row]));
  const lost: string[] = [];
  const duplicates = [...extraDuplicates];
  for (const row of stored) if (row.rows > 1) duplicates.push(`${row.entryKey} of ${row.assignmentId}: ${row.rows} rows`);
  for (const [key, entry] of acknowledged.entries) {
    const row = byKey.get(key);
    const name = `${entry.entryKey} of ${entry.assignmentId}`;
    if (!row) {
      lost.push(`${name}: acknowledged but not in the database`);
      continue;
    }
    const text = row.text ?? "";
    if (entry.draft && !text.startsWith(entry.draft.text)) {
      lost.push(`${name}: version ${entry.draft.version} (${entry.draft.text.length} characters) acknowledged, ${text.length} stored do not contain it`);
    }
    if (entry.submitted) {
      if (row.status !== "SUBMITTED") lost.push(`${name}: submission acknowledged, stored as ${row.status}`);
      else if (text !== entry.submitted.text) lost.push(`${name}: submitted text differs from the acknowledged one`);
      if (entry.submitted.ids.size > 1) duplicates.push(`${name}: acknowledged under ${entry.submitted.ids.size} different ids`);
      else if (![...entry.submitted.ids].includes(row.id)) lost.push(`${name}: acknowledged as ${[...entry.submitted.ids][0]}, stored as ${row.id}`);
    }
  }
  return { entries: acknowledged.entries.size, lost, duplicates };
}
