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

export const DEMO_SIGN_INS = [
  { role: "therapist", email: DEMO_THERAPIST.email, name: DEMO_THERAPIST.name },
  ...DEMO_CLIENTS.filter((client) => client.joins).map((client) => ({
    role: "client",
    email: client.email,
    name: client.displayName,
  })),
];
