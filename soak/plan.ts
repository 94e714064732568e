// What the soak seeds and how its simulated clients behave: shared by the
// seeder (soak/seed.ts), the clients and the report.

/** One calendar for everyone, so "today" (and which entries are open) is one date for the whole run. */
export const SOAK_TIME_ZONE = "Europe/Berlin";
/** The journal's one long-text question. */
export const FIELD_KEY = "what_happened";
/**
 * The daily assignment starts this many days before today: entries for that
 * day up to today are open (within the overdue window, even if the run
 * crosses midnight), so a client can submit one and go on with the next.
 */
export const ENTRY_DAYS = 6;

export type SoakAccounts = {
  therapistEmail: string;
  /** The clients' today when seeded (YYYY-MM-DD). */
  today: string;
  clients: { email: string; clientId: string; assignmentId: string }[];
};

/** An autosave every 1–2 s, as someone typing a few words and pausing. */
export const TYPE_INTERVAL_MS: [number, number] = [1_000, 2_000];
/** A client submits an entry after this many saves of it (then goes on with the next day's). */
export const SAVES_BEFORE_SUBMIT: [number, number] = [15, 35];
/** How often a submit is sent twice at once (a double tap). */
export const DOUBLE_SUBMIT_SHARE = 0.1;
