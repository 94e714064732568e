import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

/**
 * Guessability of a new password, with zxcvbn's dictionaries of common
 * passwords, words and names (shipped in the npm packages: no network).
 * Server-only: the dictionaries are megabytes and must never reach a browser
 * bundle. Building the matcher takes a few hundred milliseconds, so it is made
 * once, on the first check.
 */

/** zxcvbn scores 0–4; 3 is "safely unguessable" against an online attack with throttling. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  });
  return factory;
}

/** The message for a password that is too easy to guess, or null when it is strong enough. */
export function passwordWeakness(password: string): string | null {
  const result = checker().check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? ` ${result.feedback.warning}` : "";
  return `This password is too easy to guess.${warning} Try a few unrelated words together, like a short sentence only you would think of.`;
}
