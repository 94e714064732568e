import { describe, expect, it } from "vitest";
import { findMinimisingPhrases } from "@/lib/exercises/minimising-language";

const ids = (text: string) => findMinimisingPhrases(text).map((match) => match.id);

describe("findMinimisingPhrases", () => {
  it.each([
    ["I didn't mean to hurt you.", "didnt_mean_to"],
    ["I did not mean it like that.", "didnt_mean_to"],
    ["Honestly, you're overreacting.", "youre_overreacting"],
    ["You are being too sensitive about this", "youre_overreacting"],
    ["That's in the past now.", "in_the_past"],
    ["It's all in the past.", "in_the_past"],
    ["I'm sorry if you were hurt.", "if_you_were_hurt"],
    ["Sorry if I upset you.", "if_you_were_hurt"],
    ["I'm sorry, but you never listen.", "sorry_but"],
    ["It wasn't a big deal.", "not_a_big_deal"],
    ["It was not that big of a deal", "not_a_big_deal"],
    ["You made me feel so alone that I did it.", "you_made_me"],
    ["Can we just move on?", "lets_move_on"],
  ])("flags %j", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it("is case-insensitive and tolerant of curly and missing apostrophes", () => {
    expect(ids("I DIDN\u2019T MEAN TO")).toEqual(["didnt_mean_to"]);
    expect(ids("you\u2019re overreacting")).toEqual(["youre_overreacting"]);
    expect(ids("that\u2019s in the past")).toEqual(["in_the_past"]);
    expect(ids("i didnt mean to, youre overreacting")).toEqual(["didnt_mean_to", "youre_overreacting"]);
  });

  it("returns the phrase as written, with offsets and a suggestion", () => {
    const text = "Look, I\u2019m sorry but it wasn\u2019t a big deal.";
    const matches = findMinimisingPhrases(text);
    expect(matches.map((m) => m.phrase)).toEqual(["I\u2019m sorry but", "wasn\u2019t a big deal"]);
    for (const match of matches) {
      expect(text.slice(match.start, match.end)).toBe(match.phrase);
      expect(match.suggestion.length).toBeGreaterThan(20);
    }
  });

  it("does not flag a sincere apology", () => {
    const sincere =
      "I lied to you about where I was for months, and that was my choice. I know it hurt you deeply and made you doubt yourself. " +
      "I'm sorry. From now on I will tell you where I am each evening, and I will answer your questions for as long as you need, " +
      "because what happened is still hurting you and I meant every promise I broke to be kept.";
    expect(findMinimisingPhrases(sincere)).toEqual([]);
  });

  it("returns nothing for empty text", () => {
    expect(findMinimisingPhrases("")).toEqual([]);
  });
});
