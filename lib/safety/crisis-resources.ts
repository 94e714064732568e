export { clientCountry, countryForTimeZone, COUNTRY_CODE } from "./country";

// Crisis lines shown to a client who answers a safety item as unsafe, by
// country. Pure data and helpers, without zod, so the portal panel and the
// practice's form can import it into the browser (zod's schemas try eval,
// which the CSP refuses); the schemas are in crisis-line-schemas.ts.
//
// The built-in numbers were checked on 2026-12-05 against the services' own
// pages and national sources (see README "Crisis lines"). A practice can
// replace any country's list (Practice.crisisLines), including "INTL", the
// list shown when the client's country has no lines of its own.

export type CrisisLine = { name: string; phone?: string; text?: string };

export const INTERNATIONAL = "INTL";

/** The countries with built-in lines, in the order forms list them. */
export const BUILT_IN_COUNTRIES = ["US", "CA", "GB", "IE", "AU", "NZ", "JP"] as const;
export type BuiltInCountry = (typeof BUILT_IN_COUNTRIES)[number];

export const COUNTRY_NAMES: Record<string, string> = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  IE: "Ireland",
  AU: "Australia",
  NZ: "New Zealand",
  JP: "Japan",
  [INTERNATIONAL]: "Anywhere else (international)",
};

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

/** The first line of each list is the emergency number; the rest are free, confidential support lines. */
export const DEFAULT_CRISIS_LINES: Record<BuiltInCountry | typeof INTERNATIONAL, CrisisLine[]> = {
  US: [
    { name: "Emergency (police, ambulance, fire)", phone: "911" },
    { name: "988 Suicide & Crisis Lifeline", phone: "988", text: "Call or text 988, any time." },
    { name: "National Domestic Violence Hotline", phone: "1-800-799-7233", text: "Free, 24 hours. Or text START to 88788." },
  ],
  CA: [
    { name: "Emergency (police, ambulance, fire)", phone: "911" },
    { name: "9-8-8 Suicide Crisis Helpline", phone: "988", text: "Call or text 9-8-8, any time, in English or French." },
  ],
  GB: [
    { name: "Emergency (police, ambulance, fire)", phone: "999" },
    { name: "Samaritans", phone: "116 123", text: "Free, 24 hours a day." },
    { name: "National Domestic Abuse Helpline (Refuge)", phone: "0808 2000 247", text: "Free, 24 hours a day." },
  ],
  IE: [
    { name: "Emergency (Gardaí, ambulance, fire)", phone: "112", text: "999 works too." },
    { name: "Samaritans", phone: "116 123", text: "Free, 24 hours a day." },
    { name: "Women’s Aid National Freephone Helpline", phone: "1800 341 900", text: "Free, 24 hours a day." },
  ],
  AU: [
    { name: "Emergency (police, ambulance, fire)", phone: "000" },
    { name: "Lifeline", phone: "13 11 14", text: "24 hours a day." },
    { name: "1800RESPECT", phone: "1800 737 732", text: "Domestic, family and sexual violence support, 24 hours a day." },
  ],
  NZ: [
    { name: "Emergency (police, ambulance, fire)", phone: "111" },
    { name: "Need to talk? 1737", phone: "1737", text: "Free call or text 1737, any time, to talk with a trained counsellor." },
  ],
  JP: [
    { name: "Police (警察)", phone: "110" },
    { name: "Ambulance and fire (救急・消防)", phone: "119" },
    { name: "TELL Lifeline (in English)", phone: "03-5774-0992", text: "Every day, 9 am to 11 pm." },
    { name: "Yorisoi Hotline (よりそいホットライン)", phone: "0120-279-338", text: "Free, 24 hours. Press 2 for other languages." },
  ],
  [INTERNATIONAL]: [
    { name: "Your local emergency number", text: "112 works from mobile phones in many countries." },
    { name: "Find a helpline near you", text: "findahelpline.com lists free, confidential helplines in many countries." },
  ],
};

export type CrisisLinesByCountry = Record<string, CrisisLine[]>;

/** A country's key: an ISO 3166 alpha-2 code, or INTL. */
export const COUNTRY_KEY = /^(?:[A-Z]{2}|INTL)$/;

export const MAX_LINES_PER_COUNTRY = 6;

/** Which list a client sees: the practice's for their country, the built-in one, then the international ones. */
export function crisisLinesFor(country: string | null, practiceLines: CrisisLinesByCountry | null): { key: string; lines: CrisisLine[]; custom: boolean } {
  const candidates = country ? [country, INTERNATIONAL] : [INTERNATIONAL];
  for (const key of candidates) {
    const own = practiceLines?.[key];
    if (own?.length) return { key, lines: own, custom: true };
    const builtIn = (DEFAULT_CRISIS_LINES as Record<string, CrisisLine[]>)[key];
    if (builtIn) return { key, lines: builtIn, custom: false };
  }
  return { key: INTERNATIONAL, lines: DEFAULT_CRISIS_LINES[INTERNATIONAL], custom: false };
}

/** A tel: link for a phone number as people write it ("116 123", "1-800-799-7233"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  return `tel:${digits.startsWith("+") ? "+" + digits.slice(1).replace(/\+/g, "") : digits.replace(/\+/g, "")}`;
}
