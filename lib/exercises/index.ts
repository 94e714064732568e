/**
 * The exercise catalogue: typed field definitions, answer validation, safety
 * rules, measurements and the built-in library. Pure TypeScript + zod, so it
 * can run in server actions, route handlers, scripts and tests alike.
 */
export * from "./answers";
export * from "./catalogue";
export * from "./define-exercise";
export * from "./describe-answer";
export * from "./fields";
export * from "./measurements";
export * from "./measures";
export * from "./minimising-language";
export * from "./safety";
export * from "./script-template";
export * from "./types";
