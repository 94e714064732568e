import { describe, expect, it } from "vitest";
import { hasStrayBraces, listScriptBlanks, splitScriptTemplate } from "@/lib/exercises/script-template";

describe("script templates", () => {
  it("splits a sentence into text and gaps in reading order", () => {
    expect(splitScriptTemplate("I feel {emotion} when {situation}.")).toEqual([
      { kind: "text", text: "I feel " },
      { kind: "blank", key: "emotion" },
      { kind: "text", text: " when " },
      { kind: "blank", key: "situation" },
      { kind: "text", text: "." },
    ]);
  });

  it("lists gaps including repeats and spots malformed braces", () => {
    expect(listScriptBlanks("{a} and {b} and {a}")).toEqual(["a", "b", "a"]);
    expect(hasStrayBraces("I feel {emotion}.")).toBe(false);
    expect(hasStrayBraces("I feel { emotion }.")).toBe(true);
    expect(hasStrayBraces("I feel {emotion.")).toBe(true);
  });
});
