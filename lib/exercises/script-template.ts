/**
 * Script templates are sentences with named gaps, e.g.
 * "I feel {emotion} when {situation}." The same parser is used to validate a
 * template (fields.ts) and to render it with inputs in the portal, so the
 * two can never disagree about what counts as a gap.
 */

export type ScriptSegment =
  | { kind: "text"; text: string }
  | { kind: "blank"; key: string };

/** A gap name follows the same slug rule as field keys. */
const BLANK_PATTERN = /\{([a-z][a-z0-9_]*)\}/g;

/** Splits a template into literal text and gaps, in reading order. */
export function splitScriptTemplate(template: string): ScriptSegment[] {
  const segments: ScriptSegment[] = [];
  let cursor = 0;
  for (const match of template.matchAll(BLANK_PATTERN)) {
    const start = match.index;
    if (start > cursor) segments.push({ kind: "text", text: template.slice(cursor, start) });
    segments.push({ kind: "blank", key: match[1] ?? "" });
    cursor = start + match[0].length;
  }
  if (cursor < template.length) segments.push({ kind: "text", text: template.slice(cursor) });
  return segments;
}

/** Gap names in the order they appear (duplicates kept, so callers can reject them). */
export function listScriptBlanks(template: string): string[] {
  return splitScriptTemplate(template).flatMap((segment) =>
    segment.kind === "blank" ? [segment.key] : [],
  );
}

/**
 * True when a brace survives outside a well-formed gap, e.g. "{Emotion}" or
 * "{ reason }". Such text would be shown literally to the client, which is
 * almost certainly an authoring mistake.
 */
export function hasStrayBraces(template: string): boolean {
  return splitScriptTemplate(template).some(
    (segment) => segment.kind === "text" && /[{}]/.test(segment.text),
  );
}
