// Crisis lines by country: built-in defaults, the country derived from the
// client's time zone or chosen by their clinician, the practice's own lines
// (checked on write and on read), and who may change them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { crisisLinesSchema, parseStoredCrisisLines } from "@/lib/safety/crisis-line-schemas";
import { BUILT_IN_COUNTRIES, crisisLinesFor, DEFAULT_CRISIS_LINES, INTERNATIONAL, telHref } from "@/lib/safety/crisis-resources";
import { clientCountry, countryForTimeZone } from "@/lib/safety/country";
import { getCrisisResources } from "@/lib/safety/get-crisis-resources";
import { countryLinesFromForm, getPracticeCrisisLines, resetCountryLines, saveCountryLines, saveCountryLinesSchema } from "@/lib/safety/practice-crisis-lines";
import { clientCountrySchema, setClientCountry } from "@/lib/safety/set-client-country";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";

const line = (name: string, phone?: string, text?: string) => ({ name, ...(phone ? { phone } : {}), ...(text ? { text } : {}) });

describe("country from time zone", () => {
  const mainZones: Record<string, string[]> = {
    US: ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Indiana/Indianapolis", "America/Kentucky/Louisville", "America/Detroit", "US/Eastern"],
    CA: ["America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina", "America/Whitehorse", "America/Montreal"],
    GB: ["Europe/London", "Europe/Belfast"],
    IE: ["Europe/Dublin"],
    AU: ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth", "Australia/Adelaide", "Australia/Hobart", "Australia/Darwin"],
    NZ: ["Pacific/Auckland", "Pacific/Chatham"],
    JP: ["Asia/Tokyo"],
  };

  it.each(Object.entries(mainZones))("%s: its main zones", (country, zones) => {
    for (const zone of zones) expect(countryForTimeZone(zone), zone).toBe(country);
  });

  it("every zone this runtime knows for those countries is mapped, and only to its own country", () => {
    // A sample of each country's canonical zones that Node lists: none falls through to the international lines.
    const known = Intl.supportedValuesOf("timeZone");
    const expected = (zone: string) =>
      zone.startsWith("Australia/") ? "AU" : zone === "Asia/Tokyo" ? "JP" : zone === "Europe/Dublin" ? "IE" : zone === "Europe/London" ? "GB" : undefined;
    for (const zone of known) {
      const country = expected(zone);
      if (country) expect(countryForTimeZone(zone), zone).toBe(country);
    }
  });

  it("any other zone, an empty or a made-up one gives no country (the international lines)", () => {
    for (const zone of ["Europe/Paris", "Asia/Seoul", "America/Mexico_City", "America/Sao_Paulo", "Africa/Lagos", "UTC", "", "Mars/Olympus"]) {
      expect(countryForTimeZone(zone), zone).toBeNull();
    }
    expect(countryForTimeZone(null)).toBeNull();
  });

  it("the clinician's choice wins over the time zone", () => {
    expect(clientCountry({ country: null, timeZone: "Asia/Tokyo" })).toBe("JP");
    expect(clientCountry({ country: "IE", timeZone: "Asia/Tokyo" })).toBe("IE");
    expect(clientCountry({ country: "FR", timeZone: "Europe/Paris" })).toBe("FR");
    expect(clientCountry({ country: null, timeZone: "Europe/Paris" })).toBeNull();
  });
});

describe("built-in lines", () => {
  it("every listed country and the fallback have an emergency entry first and tel: links that dial digits only", () => {
    for (const key of [...BUILT_IN_COUNTRIES, INTERNATIONAL] as const) {
      const lines = DEFAULT_CRISIS_LINES[key];
      expect(lines.length, key).toBeGreaterThanOrEqual(2);
      expect(crisisLinesSchema.safeParse({ [key]: lines }).success, key).toBe(true);
      for (const line of lines) if (line.phone) expect(telHref(line.phone), line.phone).toMatch(/^tel:\+?[0-9]{3,15}$/);
    }
    const emergency = Object.fromEntries(BUILT_IN_COUNTRIES.map((key) => [key, DEFAULT_CRISIS_LINES[key][0]?.phone]));
    expect(emergency).toEqual({ US: "911", CA: "911", GB: "999", IE: "112", AU: "000", NZ: "111", JP: "110" });
    const phones = (key: keyof typeof DEFAULT_CRISIS_LINES) => DEFAULT_CRISIS_LINES[key].map((line) => line.phone);
    expect(phones("US")).toContain("988");
    expect(phones("CA")).toContain("988");
    expect(phones("GB")).toContain("116 123");
    expect(phones("IE")).toContain("116 123");
    expect(phones("AU")).toContain("13 11 14");
    expect(phones("NZ")).toContain("1737");
    expect(phones("JP")).toEqual(expect.arrayContaining(["119", "03-5774-0992"]));
    expect(telHref("1-800-799-7233")).toBe("tel:18007997233");
    expect(telHref("+64 4 123 4567")).toBe("tel:+6441234567");
  });

  it("a Tokyo client sees Japanese numbers, a Paris client the international ones", () => {
    expect(crisisLinesFor("JP", null).lines.map((line) => line.phone)).not.toContain("911");
    expect(crisisLinesFor(null, null)).toMatchObject({ key: INTERNATIONAL, custom: false });
    expect(crisisLinesFor("FR", null)).toMatchObject({ key: INTERNATIONAL, custom: false });
  });
});

describe("the practice's own lines", () => {

  it("replace the defaults for their country only; the practice's INTL replaces the fallback", () => {
    const own = { US: [line("Our on-call line", "555-0100")], INTL: [line("Call us", "+44 20 7946 0000")] };
    expect(crisisLinesFor("US", own)).toEqual({ key: "US", lines: own.US, custom: true });
    expect(crisisLinesFor("GB", own)).toEqual({ key: "GB", lines: DEFAULT_CRISIS_LINES.GB, custom: false });
    expect(crisisLinesFor("FR", own)).toEqual({ key: INTERNATIONAL, lines: own.INTL, custom: true });
  });

  it("zod refuses bad lines: no number and no words, letters in a number, hidden characters, bad country keys, too many", () => {
    const refuse = (value: unknown) => crisisLinesSchema.safeParse(value).success;
    expect(refuse({ US: [line("Nothing to call")] })).toBe(false);
    expect(refuse({ US: [{ name: "Letters", phone: "1800RESPECT" }] })).toBe(false);
    expect(refuse({ US: [{ name: "Too short", phone: "12" }] })).toBe(false);
    expect(refuse({ US: [{ name: "Hidden\u202Eevil", phone: "911" }] })).toBe(false);
    expect(refuse({ US: [{ name: "Null\u0000byte", phone: "911" }] })).toBe(false);
    expect(refuse({ US: [{ name: "   ", phone: "911" }] })).toBe(false);
    expect(refuse({ usa: [line("Lower-case key", "911")] })).toBe(false);
    expect(refuse({ USA: [line("Three letters", "911")] })).toBe(false);
    expect(refuse({ US: [] })).toBe(false);
    expect(refuse({ US: Array.from({ length: 7 }, (_, i) => line(`Line ${i}`, "911")) })).toBe(false);
    expect(refuse({ US: [{ name: "x".repeat(101), phone: "911" }] })).toBe(false);
    expect(refuse([line("An array", "911")])).toBe(false);
    expect(refuse("not json")).toBe(false);
    expect(refuse({ US: [line("Fine", "911", "Any time.")] })).toBe(true);
    // Bad stored JSON reads as "no lines of our own", never an error.
    expect(parseStoredCrisisLines({ US: "911" })).toBeNull();
    expect(parseStoredCrisisLines(42)).toBeNull();
    expect(parseStoredCrisisLines(null)).toBeNull();
  });

  it("the form's empty rows are skipped and errors keep the form's row numbers", () => {
    const form = new FormData();
    form.set("country", "nz");
    form.set("lines.0.name", "Practice line");
    form.set("lines.0.phone", "09 000 0000");
    form.set("lines.2.name", "No number");
    form.set("lines.4.name", "Letters");
    form.set("lines.4.phone", "CALL-US-NOW");
    const parsed = saveCountryLinesSchema.safeParse(countryLinesFromForm(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["lines.2.phone", "lines.4.phone"]);
    form.set("lines.4.phone", "01 555 0100");

    form.set("lines.2.text", "Text us through the portal.");
    const ok = saveCountryLinesSchema.parse(countryLinesFromForm(form));
    expect(ok).toEqual({
      country: "NZ",
      lines: [line("Practice line", "09 000 0000"), line("No number", undefined, "Text us through the portal."), line("Letters", "01 555 0100")],
    });
  });
});

describe("stored lines, per client", () => {
  let owner: TherapistScope;
  let clinician: TherapistScope;

  beforeAll(async () => {
    owner = (await createTherapist()).scope;
    const user = await db.user.create({
      data: { email: uniqueEmail("clinician"), passwordHash: "x", role: "THERAPIST", practiceRole: "CLINICIAN", name: "Dr Colleague", timeZone: "Asia/Tokyo", practiceId: owner.practiceId },
    });
    clinician = { therapistId: user.id, practiceId: owner.practiceId };
  });

  it("a Tokyo client sees Japanese lines; the practice's own JP lines replace them; bad stored JSON falls back to the defaults", async () => {
    const client = await createClientIn(clinician, "Asia/Tokyo");
    const identity = { clientId: client.clientId, practiceId: owner.practiceId };
    expect(await getCrisisResources(identity)).toEqual({ country: "JP", lines: DEFAULT_CRISIS_LINES.JP, note: null });

    await saveCountryLines(owner, saveCountryLinesSchema.parse({ country: "JP", lines: [line("Our Tokyo office", "03-0000-0000", "Weekdays 9 to 5.")] }));
    expect((await getCrisisResources(identity)).lines).toEqual([line("Our Tokyo office", "03-0000-0000", "Weekdays 9 to 5.")]);
    expect(await db.auditEvent.count({ where: { practiceId: owner.practiceId, action: "practice.crisis_lines_changed" } })).toBe(1);

    // The practice's free text keeps showing, under the lines.
    await db.practice.update({ where: { id: owner.practiceId }, data: { crisisResources: "Our clinic: 03-1111-2222" } });
    expect((await getCrisisResources(identity)).note).toBe("Our clinic: 03-1111-2222");

    await db.practice.update({ where: { id: owner.practiceId }, data: { crisisLines: { JP: [{ name: "", phone: "letters" }] } } });
    expect((await getCrisisResources(identity)).lines).toEqual(DEFAULT_CRISIS_LINES.JP);
    expect((await getPracticeCrisisLines(owner.practiceId)).storedWasInvalid).toBe(true);
    // Saving over a bad stored value starts afresh rather than failing.
    await saveCountryLines(owner, saveCountryLinesSchema.parse({ country: "US", lines: [line("Ours", "555-0100")] }));
    expect((await getPracticeCrisisLines(owner.practiceId)).lines).toEqual({ US: [line("Ours", "555-0100")] });
    await resetCountryLines(owner, { country: "US" });
    expect((await db.practice.findUniqueOrThrow({ where: { id: owner.practiceId } })).crisisLines).toBeNull();
  });

  it("only an owner can change the practice's lines, and only their own practice's", async () => {
    const input = saveCountryLinesSchema.parse({ country: "GB", lines: [line("Not allowed", "999")] });
    expect((await rejection(saveCountryLines(clinician, input))).kind).toBe("not_found");
    const stranger = (await createTherapist()).scope;
    expect((await rejection(saveCountryLines({ therapistId: stranger.therapistId, practiceId: owner.practiceId }, input))).kind).toBe("not_found");
    expect((await getPracticeCrisisLines(owner.practiceId)).lines.GB).toBeUndefined();
  });

  it("the clinician chooses the client's country (audited); another clinician cannot; 'auto' goes back to the time zone", async () => {
    const client = await createClientIn(clinician, "Asia/Tokyo");
    const identity = { clientId: client.clientId, practiceId: owner.practiceId };
    await setClientCountry(clinician, clientCountrySchema.parse({ clientId: client.clientId, country: "IE" }));
    expect((await getCrisisResources(identity)).country).toBe("IE");
    expect(await db.auditEvent.findFirst({ where: { clientId: client.clientId, action: "client.country_changed" }, select: { metadata: true } })).toEqual({
      metadata: { country: "IE" },
    });

    // The owner reads every client but only the primary clinician changes clinical settings.
    expect((await rejection(setClientCountry(owner, { clientId: client.clientId, country: "US" }))).kind).toBe("not_found");
    expect(clientCountrySchema.safeParse({ clientId: client.clientId, country: "Ireland" }).success).toBe(false);
    expect(clientCountrySchema.safeParse({ clientId: `x${randomUUID()}/..`, country: "IE" }).success).toBe(false);

    await setClientCountry(clinician, clientCountrySchema.parse({ clientId: client.clientId, country: "auto" }));
    expect((await getCrisisResources(identity)).country).toBe("JP");
  });
});
