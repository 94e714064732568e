import type { Locator } from "@playwright/test";
import { escapeRegExp, expect } from "./fixtures";

/**
 * The field is marked invalid, its message is in the element its
 * aria-describedby points at (what a screen reader announces), and that
 * element sits next to the field, inside the same field wrapper.
 */
export async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  const id = await field.getAttribute("id");
  const describedBy = (await field.getAttribute("aria-describedby"))?.split(/\s+/) ?? [];
  expect(describedBy).toContain(`${id}-error`);
  const error = field.page().locator(`[id="${id}-error"]`);
  await expect(error).toHaveText(message);
  await expect(error).toBeVisible();
  await expect(field.locator("xpath=..")).toContainText(message);
}

export async function expectNoFieldError(field: Locator) {
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  const id = await field.getAttribute("id");
  await expect(field.page().locator(`[id="${id}-error"]`)).toBeEmpty();
}
