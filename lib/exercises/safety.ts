import type { FieldDefinition, SafetyRule } from "./fields";

/**
 * Safety checks run on whatever answers exist — a draft as well as a
 * submission — because crisis resources should appear the moment a client
 * says they feel unsafe, not only after they press "submit". Answers are
 * typed loosely on purpose: stored JSON is checked here without trusting it.
 */

function triggers(rule: SafetyRule, answer: unknown): boolean {
  if ("whenAnswerIn" in rule) {
    if (typeof answer === "string") return rule.whenAnswerIn.includes(answer);
    if (Array.isArray(answer)) return answer.some((value) => rule.whenAnswerIn.includes(value));
    return false;
  }
  return typeof answer === "number" && Number.isFinite(answer) && answer >= rule.whenAtLeast;
}

/** Keys of the fields whose answer meets their safety rule, in template order. */
export function findSafetyConcerns(
  fields: readonly FieldDefinition[],
  answers: Readonly<Record<string, unknown>>,
): string[] {
  return fields.flatMap((field) => {
    const rule = "safety" in field ? field.safety : undefined;
    return rule && triggers(rule, answers[field.key]) ? [field.key] : [];
  });
}
