/**
 * The exercise catalogue: typed field definitions, answer validation, safety
 * rules, measurements and the built-in library. Pure TypeScript + zod, so it
 * can run in server actions, route handlers, scripts and tests alike.
 *
 * Server code only: this barrel pulls in zod and every built-in exercise.
 * Client components import the zod-free modules instead: constants.ts,
 * field-types.ts, private-answers.ts, preview-field.ts and the pure helpers
 * (safety.ts, script-template.ts, describe-answer.ts, minimising-language.ts);
 * tests/unit/client-components-without-zod.test.ts enforces it.
 */
export * from "./answers";
export * from "./catalogue";
export * from "./constants";
export * from "./define-exercise";
export * from "./describe-answer";
export * from "./field-types";
export * from "./fields";
export * from "./measurements";
export * from "./measures";
export * from "./minimising-language";
export * from "./preview-field";
export * from "./private-answers";
export * from "./safety";
export * from "./script-template";
export * from "./types";
