// The figures `npm run bench` prints: percentiles per size and page, the
// ratios the performance goals are stated in, and a verdict per goal.
import type { PracticeSize } from "./practices";

/** "dashboard-cold": the dashboard when no computed row can be reused (every client changed since the last load). */
export type PageKind = "trivial" | "dashboard" | "dashboard-cold" | "progress" | "practice-dashboard";

export type Target = {
  size: PracticeSize;
  page: PageKind;
  path: string;
  /** Set when the intended page does not exist yet and another one is measured in its place. */
  standIn?: string;
  samples: number[];
  bytes: number;
};

export const GOALS = {
  /** Dashboard p95 at most this many times the trivial page's p95 (same size, same run). */
  dashboardVsTrivial: 4,
  /** A page's p95 for the large practice at most this many times the small practice's. */
  largeVsSmall: 1.5,
  /** The owner's practice-wide caseload (20 clinicians × 150 clients) p95 at most this many times one clinician's. */
  practiceVsClinician: 1.5,
};

/** Linear interpolation between closest ranks (as numpy's default). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const ms = (value: number) => value.toFixed(1).padStart(8);
const ratio = (value: number) => `${value.toFixed(2)}×`;

export function formatResults(targets: Target[]): string[] {
  const lines: string[] = [];
  const find = (size: PracticeSize, page: PageKind) => targets.find((target) => target.size === size && target.page === page)!;
  const stats = (target: Target) => ({ p50: percentile(target.samples, 50), p95: percentile(target.samples, 95) });
  const label = (target: Target) => (target.standIn ? `${target.page} (stand-in)` : target.page);

  lines.push("size   page                    n    p50 ms    p95 ms    max ms   body KiB  path");
  for (const target of targets) {
    const { p50, p95 } = stats(target);
    lines.push(
      `${target.size.padEnd(6)} ${label(target).padEnd(20)} ${String(target.samples.length).padStart(4)} ${ms(p50)}  ${ms(p95)}  ${ms(Math.max(...target.samples))}  ${(target.bytes / 1024).toFixed(0).padStart(9)}  ${target.path}${target.standIn ? `  (${target.standIn})` : ""}`,
    );
  }

  lines.push("", "Ratios (p95, with p50 in brackets):");
  const verdicts: string[] = [];
  for (const size of ["large", "small"] as const) {
    const trivial = stats(find(size, "trivial"));
    for (const page of ["dashboard", "progress"] as const) {
      const target = find(size, page);
      const own = stats(target);
      const value = own.p95 / trivial.p95;
      lines.push(`  ${size.padEnd(5)} ${label(target)} / trivial: ${ratio(value)}  (${ratio(own.p50 / trivial.p50)})`);
      if (page === "dashboard") {
        verdicts.push(`${verdict(value <= GOALS.dashboardVsTrivial)}: ${size} dashboard p95 within ${GOALS.dashboardVsTrivial}× of the trivial page (${ratio(value)})${target.standIn ? " [measured on the stand-in]" : ""}`);
      }
    }
  }
  for (const size of ["large", "small"] as const) {
    const cold = find(size, "dashboard-cold");
    if (cold) lines.push(`  ${size.padEnd(5)} dashboard-cold / trivial: ${ratio(stats(cold).p95 / stats(find(size, "trivial")).p95)}  (informational)`);
  }
  for (const page of ["trivial", "dashboard", "dashboard-cold", "progress"] as const) {
    const large = find("large", page);
    const small = find("small", page);
    if (!large || !small) continue;
    const value = stats(large).p95 / stats(small).p95;
    lines.push(`  large / small ${label(large)}: ${ratio(value)}  (${ratio(stats(large).p50 / stats(small).p50)})${page === "dashboard-cold" ? "  (informational)" : ""}`);
    if (page === "dashboard" || page === "progress") {
      verdicts.push(`${verdict(value <= GOALS.largeVsSmall)}: ${page} p95 large / small at most ${GOALS.largeVsSmall} (${ratio(value)})${large.standIn ? " [measured on the stand-in]" : ""}`);
    }
  }
  const practiceWide = find("group", "practice-dashboard");
  const oneClinician = find("group", "dashboard");
  if (practiceWide && oneClinician) {
    const value = stats(practiceWide).p95 / stats(oneClinician).p95;
    lines.push(`  group practice-wide / one clinician's dashboard: ${ratio(value)}  (${ratio(stats(practiceWide).p50 / stats(oneClinician).p50)})`);
    verdicts.push(`${verdict(value <= GOALS.practiceVsClinician)}: practice-wide caseload p95 (20 clinicians × 150 clients) within ${GOALS.practiceVsClinician}× of one clinician's (${ratio(value)})`);
  }
  lines.push("", "Goals:", ...verdicts.map((line) => `  ${line}`));
  return lines;
}

const verdict = (met: boolean) => (met ? "goal met   " : "goal MISSED");
