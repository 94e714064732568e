// The two practices `npm run bench` measures. Both live in one database, as
// they would in production: the large practice's rows must not slow the
// small practice's pages when every query is scoped by its caller.
export const BENCH_PASSWORD = "trellis-bench-2026";

export type PracticeSize = "large" | "small" | "group";

export type PracticePlan = {
  size: PracticeSize;
  therapist: { name: string; practiceName: string; email: string; timeZone: string };
  clients: number;
  /** Days of history before today. */
  days: number;
  /** A group practice: the clients are spread evenly over this many clinicians (the first is the owner). */
  clinicians?: number;
};

export const PRACTICES: Record<PracticeSize, PracticePlan> = {
  large: {
    size: "large",
    therapist: {
      name: "Dr. Lena Marsh",
      practiceName: "Marsh Couples Practice (bench, large)",
      email: "large@bench.trellis.test",
      timeZone: "America/New_York",
    },
    clients: 150,
    days: 730,
  },
  small: {
    size: "small",
    therapist: {
      name: "Dr. Tomas Ruiz",
      practiceName: "Ruiz Therapy (bench, small)",
      email: "small@bench.trellis.test",
      timeZone: "Europe/Berlin",
    },
    clients: 5,
    days: 120,
  },
  // 20 clinicians × 150 clients: the owner's practice-wide caseload against
  // one clinician's, in the same practice and the same run. Six weeks of
  // history (the dashboard reads four), so seeding stays in minutes.
  group: {
    size: "group",
    therapist: {
      name: "Dr. Ada Okafor",
      practiceName: "Okafor Group Practice (bench, 20 clinicians)",
      email: "group@bench.trellis.test",
      timeZone: "Europe/London",
    },
    clients: 3000,
    days: 42,
    clinicians: 20,
  },
};

/** The bench clinician of the group practice whose own caseload is measured. */
export const GROUP_CLINICIAN_EMAIL = "clinician-2@bench.trellis.test";

/** Clients are spread over these zones, so "today" differs between them as in real use. */
export const CLIENT_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Australia/Sydney",
  "America/Sao_Paulo",
  "Asia/Kolkata",
];
