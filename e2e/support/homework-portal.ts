// What a client does on an entry page, in the words the page uses.
import type { Locator, Page } from "@playwright/test";
import { escapeRegExp, expect } from "./fixtures";

export function saveStatus(page: Page): Locator {
  return page.getByTestId("save-status");
}

/** The autosave badge settles on "Saved": the server has the latest text. */
export async function expectSaved(page: Page, options: { timeout?: number } = {}) {
  const badge = saveStatus(page);
  await expect(badge).toHaveAttribute("data-status", "saved", options);
  await expect(badge).toHaveText(/^Saved( at .+)?$/);
}

/** A yes–partly–no, single-choice or 0–10 question: its group, named by the question. */
export function question(page: Page, label: string): Locator {
  return page.getByRole("radiogroup", { name: label, exact: true });
}

/**
 * Picks an answer the way a person does: by touching its visible label (the
 * radio inputs themselves are visually hidden), then checks it took.
 */
export async function choose(page: Page, questionLabel: string, answer: string) {
  const group = question(page, questionLabel);
  await group.locator("label").filter({ hasText: new RegExp(`^${escapeRegExp(answer)}$`) }).click();
  // Scale points are named "7", or "0 (Not at all)" at the ends.
  await expect(group.getByRole("radio", { name: new RegExp(`^${escapeRegExp(answer)}( \\(.*\\))?$`) })).toBeChecked();
}

export function portalSection(page: Page, title: "Today" | "Still open from earlier" | "Coming up" | "Done"): Locator {
  return page.getByRole("region", { name: title, exact: true });
}
