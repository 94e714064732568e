/**
 * Spots phrases that shrink the harm in an apology (Sincere apology planner).
 *
 * The portal shows each match as a gentle nudge, never as a block: the person
 * writing is trying to repair something, and a scolding tone would work against
 * that. Patterns are deliberately narrow — a false alarm on an honest sentence
 * costs more trust in the tool than a missed phrase.
 */

export type MinimisingMatch = {
  /** Stable id of the pattern, e.g. for analytics or per-phrase UI copy. */
  id: string;
  /** The text exactly as the person wrote it. */
  phrase: string;
  /** Offsets into the original text, for highlighting. */
  start: number;
  end: number;
  suggestion: string;
};

type Pattern = { id: string; regex: RegExp; suggestion: string };

// Apostrophes are normalised to "'" before matching; "'?" also accepts "didnt".
const NOT = String.raw`(?:n'?t|\s+not)`;

const PATTERNS: Pattern[] = [
  {
    id: "didnt_mean_to",
    regex: new RegExp(String.raw`\bi\s+(?:did${NOT}\s+mean|never\s+meant)\s+(?:to|it)\b`, "gi"),
    suggestion:
      "Your intention may be true, but what your partner lives with is what happened. Try naming the action and its effect instead, for example \"I did this, and it hurt you.\"",
  },
  {
    id: "youre_overreacting",
    regex:
      /\byou(?:'re|re|\s+are)\s+(?:being\s+)?(?:over-?reacting|too\s+sensitive|(?:so\s+|too\s+)?dramatic)\b/gi,
    suggestion:
      "Telling someone their feelings are too big can leave them feeling unheard. You could acknowledge the feeling instead: \"I can see how much this hurt.\"",
  },
  {
    id: "in_the_past",
    regex: /\b(?:that|it|this)(?:'s|s|\s+is|\s+was)\s+(?:all\s+)?in\s+the\s+past\b/gi,
    suggestion:
      "For the person who was hurt, it may still feel very present. Healing goes at their pace; you could say you are willing to keep talking about it.",
  },
  {
    id: "lets_move_on",
    regex: /\b(?:let's|lets|let\s+us|can\s+we|we\s+should|we\s+need\s+to)\s+(?:just\s+)?move\s+on\b/gi,
    suggestion:
      "Asking to move on can sound like closing the subject for them. Consider leaving that choice with your partner.",
  },
  {
    id: "if_you_were_hurt",
    regex: new RegExp(
      String.raw`\bif\s+(?:you\s+(?:were|was|felt|feel|got|are)\s+(?:\w+\s+)?(?:hurt|upset|offended)|i\s+(?:have\s+|'ve\s+)?(?:hurt|upset|offended)\s+you|(?:that|this|it|what\s+i\s+did)\s+(?:\w+\s+)?(?:hurt|upset|offended)\s+you)\b`,
      "gi",
    ),
    suggestion:
      "\"If\" makes the hurt sound uncertain. Saying it plainly, such as \"I hurt you\", shows you have understood.",
  },
  {
    id: "sorry_but",
    regex: /\b(?:i'm|im|i\s+am)\s+(?:so\s+|really\s+|very\s+|truly\s+)?sorry\s*,?\s+but\b/gi,
    suggestion:
      "A \"but\" after sorry tends to cancel the apology. Try ending the sentence at \"sorry\" and saving any explanation for later, if it is wanted.",
  },
  {
    id: "not_a_big_deal",
    regex: new RegExp(
      String.raw`\b(?:no\s+big\s+deal|(?:was${NOT}|is${NOT}|not)\s+(?:really\s+|even\s+|such\s+)?(?:a\s+|that\s+)?(?:big|huge)\s+(?:of\s+a\s+)?deal)\b`,
      "gi",
    ),
    suggestion:
      "How big it was is for your partner to feel, not for you to judge. You could name what it cost them instead.",
  },
  {
    id: "you_made_me",
    regex: /\byou\s+(?:made|drove|pushed|forced)\s+me\b/gi,
    suggestion:
      "This hands the responsibility back to your partner. Try describing your own choice: \"I chose to…\"",
  },
  {
    id: "mistakes_were_made",
    regex: /\bmistakes\s+were\s+made\b/gi,
    suggestion:
      "Saying who made the mistake (\"I made a mistake\") sounds more honest than leaving it unnamed.",
  },
  {
    id: "already_apologised",
    regex: /\bi(?:'ve|\s+have)?\s+already\s+(?:said\s+(?:i'm\s+|im\s+)?sorry|apologi[sz]ed)\b/gi,
    suggestion:
      "Rebuilding trust often needs more than one apology. Patience with repeated questions shows you mean it.",
  },
];

/** Curly quotes, modifier letters and backticks all count as an apostrophe. */
function normaliseApostrophes(text: string): string {
  // One character for one character, so offsets still point into the original text.
  return text.replace(/[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4]/g, "'");
}

/** Every minimising phrase in the text, in reading order, without overlaps. */
export function findMinimisingPhrases(text: string): MinimisingMatch[] {
  const normalised = normaliseApostrophes(text);
  const matches: MinimisingMatch[] = [];
  for (const pattern of PATTERNS) {
    for (const found of normalised.matchAll(pattern.regex)) {
      const start = found.index;
      const end = start + found[0].length;
      matches.push({ id: pattern.id, phrase: text.slice(start, end), start, end, suggestion: pattern.suggestion });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  // Where two patterns cover the same words, keep the earlier (and longer) one.
  const kept: MinimisingMatch[] = [];
  for (const match of matches) {
    const last = kept.at(-1);
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}
