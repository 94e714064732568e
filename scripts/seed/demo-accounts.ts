// The demo practice's people. Demo data only ever goes into the embedded
// database, or into DATABASE_URL when someone runs `npm run db:seed`.
export const DEMO_PASSWORD = "trellis-demo-2026";

export const DEMO_THERAPIST = {
  name: "Dr. Maya Okafor",
  practiceName: "Okafor Relationship Therapy",
  email: "therapist@demo.trellis.test",
  timeZone: "America/New_York",
};

export const DEMO_CLIENTS = [
  { displayName: "Jordan Reyes", email: "jordan@demo.trellis.test", timeZone: "America/Chicago", joins: true },
  { displayName: "Sam Reyes", email: "sam@demo.trellis.test", timeZone: "America/Chicago", joins: true },
  { displayName: "Aiko Tanaka", email: "aiko@demo.trellis.test", timeZone: "Asia/Tokyo", joins: true },
  { displayName: "Priya Shah", email: "priya@demo.trellis.test", timeZone: "Europe/London", joins: false },
] as const;

/** A colleague of the owner, with a small caseload of their own. */
export const DEMO_CLINICIAN = {
  name: "Dr. Tomás Rivera",
  email: "clinician@demo.trellis.test",
  timeZone: "America/Los_Angeles",
};

/** Supervises Dr. Rivera: reads his clients, writes supervision notes, changes nothing clinical. */
export const DEMO_SUPERVISOR = {
  name: "Dr. Grace Lindqvist",
  email: "supervisor@demo.trellis.test",
  timeZone: "Europe/Stockholm",
};

export const DEMO_CLINICIAN_CLIENTS = [
  { displayName: "Noor Haddad", email: "noor@demo.trellis.test", timeZone: "America/Los_Angeles" },
  { displayName: "Alex Kim", email: "alex@demo.trellis.test", timeZone: "America/Denver" },
] as const;

export const DEMO_SIGN_INS = [
  { role: "owner", email: DEMO_THERAPIST.email, name: DEMO_THERAPIST.name },
  { role: "clinician", email: DEMO_CLINICIAN.email, name: DEMO_CLINICIAN.name },
  { role: "supervisor", email: DEMO_SUPERVISOR.email, name: DEMO_SUPERVISOR.name },
  ...DEMO_CLIENTS.filter((client) => client.joins).map((client) => ({
    role: "client",
    email: client.email,
    name: client.displayName,
  })),
  ...DEMO_CLINICIAN_CLIENTS.map((client) => ({ role: "client", email: client.email, name: client.displayName })),
];
