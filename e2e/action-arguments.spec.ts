// Well-formed Server Action posts with arguments of the wrong types (issue 8,
// #6): a form action handed `[]`, `[null]`, `[1,2]` or a Date instead of a
// FormData used to end in a TypeError and a 500. Every action of the
// production build (read from its manifest), posted as a signed-out visitor,
// a client and a therapist, answers 200, 3xx or 4xx; a form action the caller
// may use answers "That request could not be read."
import { test, expect, type APIRequestContext } from "@playwright/test";
import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist } from "./support/factories";
import { enumerate, type BuiltAction } from "./support/matrix/enumerate";

// lib/actions/define-action.ts (not imported: it is server-only).
const UNREADABLE_MESSAGE = "That request could not be read.";
const BODIES = ["[]", "[null]", "[1,2]", '[null,"$D2026-01-01T00:00:00.000Z"]', '[{"email":1}]', "[[],[]]"];

test.afterAll(async () => {
  await db.$disconnect();
});

/** A page that carries the action, with any id segment filled in (the action runs before the page would). */
function pathFor(action: BuiltAction): string {
  const route = action.postedFrom[0];
  if (!route) throw new Error(`${action.key} is carried by no page`);
  return route.replace(/\[[^\]]+\]/g, "x");
}

test("no Server Action answers 5xx to arguments of the wrong types, whoever posts them", async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const therapist = await createTherapist();
  const client = await createActiveClient(therapist);
  const context = () => playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const anonymous = await context();
  const asTherapist = await context();
  await signInByApi(asTherapist, therapist);
  const asClient = await context();
  await signInByApi(asClient, client);

  // A therapist's own form action with no form: the message, not a 500 (before sign-out below ends the session).
  const addClient = enumerate().actions.find((action) => action.exportedName === "addClientAction")!;
  const answer = await asTherapist.post(pathFor(addClient), {
    headers: { "Next-Action": addClient.id, Origin: origin, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[null]",
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain(`"message":"${UNREADABLE_MESSAGE}"`);

  // Sign-out ends the caller's session: last, so the other rows run signed in.
  const actions = enumerate().actions.sort((a, b) => Number(a.exportedName === "signOutAction") - Number(b.exportedName === "signOutAction"));
  expect(actions.length).toBeGreaterThan(30);

  const failures: string[] = [];
  let unreadable = 0;
  let posts = 0;
  for (const action of actions) {
    for (const [actor, request] of [["anonymous", anonymous], ["client", asClient], ["therapist", asTherapist]] as [string, APIRequestContext][]) {
      for (const body of BODIES) {
        const response = await request.post(pathFor(action), {
          headers: { "Next-Action": action.id, Origin: origin, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
          data: body,
          maxRedirects: 0,
        });
        posts++;
        const text = await response.text().catch(() => "");
        if (response.status() >= 500) failures.push(`${action.key} as ${actor} with ${body} → ${response.status()}`);
        if (text.includes(UNREADABLE_MESSAGE)) unreadable++;
      }
    }
  }
  console.log(`[action-arguments] ${posts} posts to ${actions.length} actions; ${unreadable} answered "${UNREADABLE_MESSAGE}"`);
  expect(failures).toEqual([]);
  // The shape check answered (rather than every post being turned away before reaching an action).
  expect(unreadable).toBeGreaterThan(actions.length);
});
