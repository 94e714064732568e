import { gad7, gad7Band, GAD7_BAND_LABELS, phq9, phq9Band, PHQ9_BAND_LABELS, scoreGad7, scorePhq9 } from "@/lib/exercises";

/**
 * LOINC codes for the two published instruments, so a receiving EHR files
 * them as the PHQ-9 and GAD-7 it knows rather than as free-standing forms.
 * Keyed by slug on purpose (as measureTotals): a therapist's edited copy has
 * another slug, is no longer the validated instrument and gets no codes.
 */

export const LOINC_SYSTEM = "http://loinc.org";

export type LoincCoding = { system: typeof LOINC_SYSTEM; code: string; display: string };

const loinc = (code: string, display: string): LoincCoding => ({ system: LOINC_SYSTEM, code, display });

/** LOINC answer list LL358-3, by the stored value ("0"–"3", the item score). */
const FREQUENCY_ANSWERS: Record<string, LoincCoding> = {
  "0": loinc("LA6568-5", "Not at all"),
  "1": loinc("LA6569-3", "Several days"),
  "2": loinc("LA6570-1", "More than half the days"),
  "3": loinc("LA6571-9", "Nearly every day"),
};

export type LoincInstrument = {
  panel: LoincCoding;
  total: LoincCoding;
  /** Item codes by field key; a question without a code here stays uncoded. */
  items: Record<string, string>;
  /** The LOINC answer for a stored option value, where the item's options are the scored frequencies. */
  answers: Record<string, LoincCoding>;
  score: (answers: Readonly<Record<string, unknown>>) => { total: number; band: string } | null;
};

export const LOINC_INSTRUMENTS: Record<string, LoincInstrument> = {
  [phq9.slug]: {
    panel: loinc("44249-1", "PHQ-9 quick depression assessment panel"),
    total: loinc("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
    items: {
      q1_interest: "44250-9",
      q2_feeling_down: "44255-8",
      q3_sleep: "44259-0",
      q4_energy: "44254-1",
      q5_appetite: "44251-7",
      q6_self_worth: "44258-2",
      q7_concentration: "44252-5",
      q8_moving_or_speaking: "44253-3",
      q9_self_harm: "44260-8",
      difficulty: "69722-7",
    },
    answers: FREQUENCY_ANSWERS,
    score: (answers) => {
      const scored = scorePhq9(answers);
      return scored && { total: scored.total, band: PHQ9_BAND_LABELS[phq9Band(scored.total)] };
    },
  },
  [gad7.slug]: {
    panel: loinc("69737-5", "Generalized anxiety disorder 7 item (GAD-7)"),
    total: loinc("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
    items: {
      q1_nervous: "69725-0",
      q2_cannot_stop_worrying: "68509-9",
      q3_worrying_too_much: "69733-4",
      q4_trouble_relaxing: "69734-2",
      q5_restless: "69735-9",
      q6_irritable: "69689-8",
      q7_afraid: "69736-7",
    },
    answers: FREQUENCY_ANSWERS,
    score: (answers) => {
      const scored = scoreGad7(answers);
      return scored && { total: scored.total, band: GAD7_BAND_LABELS[gad7Band(scored.total)] };
    },
  },
};

/** The instrument's LOINC details for a template slug (null for everything else). */
export function loincInstrument(slug: string | null): LoincInstrument | null {
  return slug ? (LOINC_INSTRUMENTS[slug] ?? null) : null;
}
