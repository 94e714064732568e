export const COUNTRY_CODE = /^[A-Z]{2}$/;

// Which country's crisis lines a client sees when their therapist has not
// chosen one (Client.country): guessed from their IANA time zone. Only the
// zones of the countries with built-in lines are listed; any other zone gives
// null, and the client sees the international lines. Links (old names such as
// "US/Eastern", "Canada/Pacific", "Japan") are listed too: a client's stored
// zone may be one.

const ZONES: Record<string, readonly string[]> = {
  US: [
    "America/New_York", "America/Detroit", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
    "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla", "America/Yakutat", "America/Nome",
    "America/Adak", "America/Boise", "America/Menominee", "Pacific/Honolulu", "America/Indianapolis", "America/Fort_Wayne",
    "America/Knox_IN", "America/Louisville", "America/Atka", "America/Shiprock", "Navajo",
    "US/Eastern", "US/Central", "US/Mountain", "US/Pacific", "US/Alaska", "US/Hawaii", "US/Arizona", "US/Aleutian",
    "US/East-Indiana", "US/Indiana-Starke", "US/Michigan",
    "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "EST", "MST", "HST",
  ],
  CA: [
    "America/St_Johns", "America/Halifax", "America/Glace_Bay", "America/Moncton", "America/Goose_Bay", "America/Toronto",
    "America/Montreal", "America/Nipigon", "America/Thunder_Bay", "America/Rainy_River", "America/Iqaluit",
    "America/Pangnirtung", "America/Atikokan", "America/Coral_Harbour", "America/Winnipeg", "America/Rankin_Inlet",
    "America/Resolute", "America/Regina", "America/Swift_Current", "America/Edmonton", "America/Cambridge_Bay",
    "America/Yellowknife", "America/Inuvik", "America/Creston", "America/Dawson_Creek", "America/Fort_Nelson",
    "America/Whitehorse", "America/Dawson", "America/Vancouver", "America/Blanc-Sablon",
    "Canada/Newfoundland", "Canada/Atlantic", "Canada/Eastern", "Canada/Central", "Canada/Saskatchewan",
    "Canada/Mountain", "Canada/Pacific", "Canada/Yukon",
  ],
  GB: ["Europe/London", "Europe/Belfast", "GB", "GB-Eire"],
  IE: ["Europe/Dublin", "Eire"],
  AU: [
    "Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Lindeman", "Australia/Adelaide",
    "Australia/Broken_Hill", "Australia/Darwin", "Australia/Perth", "Australia/Eucla", "Australia/Hobart",
    "Australia/Currie", "Australia/Lord_Howe", "Antarctica/Macquarie", "Australia/ACT", "Australia/Canberra",
    "Australia/NSW", "Australia/Victoria", "Australia/Queensland", "Australia/South", "Australia/North",
    "Australia/West", "Australia/Tasmania", "Australia/Yancowinna", "Australia/LHI",
  ],
  NZ: ["Pacific/Auckland", "Pacific/Chatham", "NZ", "NZ-CHAT"],
  JP: ["Asia/Tokyo", "Japan"],
};

// America/Indiana/* , America/Kentucky/* and America/North_Dakota/* are all US.
const US_PREFIXES = ["America/Indiana/", "America/Kentucky/", "America/North_Dakota/"];

const COUNTRY_BY_ZONE = new Map<string, string>(Object.entries(ZONES).flatMap(([country, zones]) => zones.map((zone) => [zone, country] as const)));

/** The country a time zone belongs to, among the countries with built-in lines; null for any other zone. */
export function countryForTimeZone(timeZone: string | null | undefined): string | null {
  if (!timeZone) return null;
  const known = COUNTRY_BY_ZONE.get(timeZone);
  if (known) return known;
  return US_PREFIXES.some((prefix) => timeZone.startsWith(prefix)) ? "US" : null;
}

/** The client's country: the one their therapist chose, else their time zone's; null when neither says. */
export function clientCountry(client: { country: string | null; timeZone: string }): string | null {
  if (client.country && COUNTRY_CODE.test(client.country)) return client.country;
  return countryForTimeZone(client.timeZone);
}

/** The zones listed per country (for tests and the client country form's hint). */
export const ZONES_BY_COUNTRY = ZONES;
