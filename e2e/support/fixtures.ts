import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { db } from "@/lib/db";

type TestFixtures = {
  /** Responses with status >= 500 seen by any page of the test; the test fails if there are any. */
  serverErrors: string[];
  /** Opens a page in a fresh browser context: another device or another person. */
  newPage: () => Promise<Page>;
};

type WorkerFixtures = { disconnectDatabase: void };

export function watchServerErrors(context: BrowserContext, errors: string[]) {
  context.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

// Fixture bodies name their callback `provide`, not `use`: the React hooks lint rule mistakes `use(...)` for React's `use`.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  disconnectDatabase: [
    async ({}, provide) => {
      await provide();
      // One pool per worker; closing it lets the worker exit promptly.
      await db.$disconnect();
    },
    { scope: "worker", auto: true },
  ],
  serverErrors: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      watchServerErrors(context, errors);
      await provide(errors);
      expect(errors, "no response had a 5xx status").toEqual([]);
    },
    { auto: true },
  ],
  newPage: async ({ browser, baseURL, serverErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext({ baseURL });
      watchServerErrors(context, serverErrors);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const NOT_FOUND_PAGE = "We couldn’t find that page";
// lib/errors.ts NOT_FOUND_MESSAGE, shown by forms for someone else's or a missing record.
export const NOT_FOUND_MESSAGE = /^We couldn['’]t find that\. It may have been removed, or you may not have access\.$/;

/** The portal's greeting for a client: "Good morning, Robin" (the first name, or the whole name). */
export function greetingFor(displayName: string): RegExp {
  const firstName = displayName.split(/\s+/)[0] ?? displayName;
  return new RegExp(`^Good (morning|afternoon|evening), ${escapeRegExp(firstName)}(\\s|$)`);
}
