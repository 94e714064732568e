// The authorization matrix (issue 8): every page, route handler and Server
// Action of the production build × six actors, against the table in
// e2e/support/matrix/expectations.ts. What the build contains is read from
// its manifests, so anything added later without a row fails here.
import { test, expect } from "@playwright/test";
import { db } from "@/lib/db";
import { enumerate, takesPreviousState, type BuiltAction, type Enumeration } from "./support/matrix/enumerate";
import { actions, pages, routes, type ActionRow } from "./support/matrix/expectations";
import { callAction, fillRoute, pool, requestPage, requestRoute, type Answer } from "./support/matrix/requests";
import { takeSnapshot } from "./support/matrix/snapshots";
import {
  ACTORS,
  buildWorld,
  missingIds,
  secretsHiddenFrom,
  segmentValues,
  signInActors,
  withMissingIds,
  type ActorName,
  type Actors,
  type World,
} from "./support/matrix/world";

const PARALLEL_REQUESTS = 6;

test.afterAll(async () => {
  await db.$disconnect();
});

test("every page, route handler and Server Action in the build has a row, and every row is in the build", () => {
  const found = enumerate();
  const problems: string[] = [];
  const skeletons: string[] = [];

  const pageRows = new Set(pages.map((row) => row.route));
  for (const route of found.pages.filter((route) => !pageRows.has(route))) {
    problems.push(`page ${route} has no row`);
    skeletons.push(`  // pages[]\n  page(${JSON.stringify(route)}, TODO_EXPECT /* PUBLIC, CLIENTS, CLIENT_A_ONLY, THERAPISTS, THERAPIST_A_ONLY … */),`);
  }
  for (const row of pages.filter((row) => !found.pages.includes(row.route))) problems.push(`row for page ${row.route}: the build has no such page`);

  const routeRows = new Map(routes.map((row) => [row.route, row]));
  for (const [route, methods] of found.routes) {
    const row = routeRows.get(route);
    if (!row) {
      problems.push(`route handler ${route} (${methods.join(", ")}) has no row`);
      const requests = methods.map((method) => `{ method: "${method}", path: "${route}", expect: TODO_EXPECT }`).join(",\n    ");
      skeletons.push(`  // routes[]\n  route(${JSON.stringify(route)}, (w) => [\n    ${requests},\n  ]),`);
      continue;
    }
    // A method the handler exports but no request of its row tries.
    const tried = new Set(row.requests(placeholderWorld()).map((request) => request.method));
    for (const method of methods.filter((method) => method !== "HEAD" && method !== "OPTIONS" && !tried.has(method as "GET"))) {
      problems.push(`route handler ${route} exports ${method}, which its row never requests`);
    }
  }
  for (const row of routes.filter((row) => !found.routes.has(row.route))) problems.push(`row for route handler ${row.route}: the build has no such route`);

  const actionRows = new Set(actions.map((row) => row.action));
  for (const built of found.actions.filter((built) => !actionRows.has(built.key))) {
    problems.push(`Server Action ${built.key} has no row (posted from ${built.postedFrom.join(", ")})`);
    skeletons.push(actionSkeleton(built));
  }
  for (const key of found.unbuiltActions) {
    problems.push(`${key} is exported from a "use server" file but the build has no such action: nothing uses it (remove it) or the build is stale`);
  }
  const builtKeys = new Set(found.actions.map((built) => built.key));
  for (const row of actions.filter((row) => !builtKeys.has(row.action))) problems.push(`row for Server Action ${row.action}: the build has no such action`);

  console.log(
    `[matrix] build ${found.distDir}: ${found.pages.length} pages, ${found.routes.size} route handlers, ${found.actions.length} Server Actions; ` +
      `rows: ${pages.length} pages, ${routes.length} route handlers, ${actions.length} actions`,
  );
  const help = skeletons.length
    ? `\n\nAdd these rows to e2e/support/matrix/expectations.ts (pages[], routes[] or actions[]), then fill in what each actor must get:\n\n${skeletons.join("\n")}\n`
    : "";
  expect(problems, `the authorization matrix is out of date with the build${help}`).toEqual([]);
  // The enumeration itself found something: an empty build would pass the line above.
  expect(found.pages.length * found.actions.length * found.routes.size).toBeGreaterThan(0);
});

test("every actor gets exactly what the matrix says from every page, route handler and Server Action", async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error("baseURL is not configured");
  const found = enumerate();
  const world = await buildWorld();
  const actors = await signInActors(playwright, baseURL, world);
  const run = new MatrixRun(world, actors, baseURL);

  try {
    await test.step("pages (HTML and flight data)", async () => {
      await run.pages(found);
      expect.soft(run.takeProblems(), "pages").toEqual([]);
    });
    await test.step("route handlers", async () => {
      await run.routes();
      expect.soft(run.takeProblems(), "route handlers").toEqual([]);
    });
    await test.step("Server Actions aimed at another party's records", async () => {
      await run.actions(found);
      expect.soft(run.takeProblems(), "Server Actions").toEqual([]);
    });
    await test.step("no response carries a name from someone else's records", async () => {
      expect(run.leaks, "leaked names").toEqual([]);
    });
  } finally {
    await test.info().attach("authorization-matrix.txt", { body: run.table(), contentType: "text/plain" });
    console.log(`[matrix] observed (✗ = not what the table says):\n${run.table()}`);
    console.log(`[matrix] ${run.requests} requests: ${run.cells} cells checked, ${run.missingChecks} not-found answers compared with missing ids`);
    await Promise.all(Object.values(actors).map((request) => request.dispose().catch(() => {})));
  }
});

class MatrixRun {
  requests = 0;
  cells = 0;
  missingChecks = 0;
  leaks: string[] = [];
  private problems: string[] = [];
  private readonly observed = new Map<string, Partial<Record<ActorName, string>>>();
  private readonly secrets: Record<ActorName, string[]>;
  private readonly segments: Record<string, string>;
  private readonly missing: Map<string, string>;

  constructor(
    private readonly world: World,
    private readonly actors: Actors,
    private readonly origin: string,
  ) {
    this.secrets = secretsHiddenFrom(world);
    this.segments = segmentValues(world);
    this.missing = missingIds(world);
  }

  takeProblems(): string[] {
    const taken = this.problems;
    this.problems = [];
    return taken;
  }

  /** Counts a request and scans its answer for other people's names (`sent`: what the request itself carried, which an echo may repeat). */
  private seen(actor: ActorName, answer: Answer, where: string, scanForLeaks = true, sent = "") {
    this.requests++;
    if (!scanForLeaks) return;
    for (const secret of this.secrets[actor].filter((secret) => !sent.includes(secret))) {
      if (answer.body.includes(secret)) this.leaks.push(`${actor} × ${where}: the response contains "${secret}" (${answer.detail})`);
    }
  }

  private check(actor: ActorName, where: string, expected: string, answer: Answer) {
    this.cells++;
    const matches = answer.outcome === expected;
    if (!matches) this.problems.push(`${actor} × ${where}: expected ${expected}, got ${answer.outcome} (${answer.detail})`);
    const row = this.observed.get(where) ?? {};
    row[actor] = matches ? answer.outcome : `✗ ${answer.outcome}`;
    this.observed.set(where, row);
  }

  /** The matrix as observed: one line per page, request and action, one column per actor. */
  table(): string {
    const width = 18;
    const cell = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
    const labels = [...this.observed.keys()];
    const labelWidth = Math.min(90, Math.max(...labels.map((label) => label.length)));
    const lines = [`${"".padEnd(labelWidth)}  ${ACTORS.map(cell).join(" ")}`];
    for (const [label, row] of this.observed) {
      const name = label.length > labelWidth ? `…${label.slice(label.length - labelWidth + 1)}` : label.padEnd(labelWidth);
      lines.push(`${name}  ${ACTORS.map((actor) => cell(row[actor] ?? "")).join(" ")}`);
    }
    return lines.join("\n");
  }

  /** Forbidden must read exactly like missing: same outcome, same status. */
  private compareWithMissing(actor: ActorName, where: string, forbidden: Answer, missing: Answer, sameBody?: (a: string, b: string) => boolean) {
    this.missingChecks++;
    const same = forbidden.outcome === missing.outcome && forbidden.status === missing.status && (!sameBody || sameBody(forbidden.body, missing.body));
    if (!same) {
      this.problems.push(
        `${actor} × ${where}: someone else's record (${forbidden.outcome}, ${forbidden.detail}) reads differently from a missing one (${missing.outcome}, ${missing.detail})`,
      );
    }
  }

  async pages(found: Enumeration) {
    const tasks = pages
      .filter((row) => found.pages.includes(row.route))
      .flatMap((row) =>
        ACTORS.flatMap((actor) =>
          [false, true].map((flight) => async () => {
            const path = fillRoute(row.route, this.segments) + (row.query?.(this.world) ?? "");
            const where = `page ${row.route}${flight ? " (RSC)" : ""}`;
            const answer = await requestPage(this.actors[actor], actor, path, { flight });
            this.seen(actor, answer, where, !row.bearerLink);
            this.check(actor, where, row.expect[actor], answer);
            if (row.expect[actor] === "not-found") {
              const missing = await requestPage(this.actors[actor], actor, withMissingIds(path, this.missing), { flight });
              this.seen(actor, missing, where);
              this.compareWithMissing(actor, where, answer, missing);
            }
          }),
        ),
      );
    await pool(tasks, PARALLEL_REQUESTS);
  }

  async routes() {
    const tasks = routes.flatMap((row) =>
      row.requests(this.world).flatMap((request) =>
        ACTORS.map((actor) => async () => {
          const where = `${request.method} ${request.path.replaceAll(this.world.clientA.id, "<client A>")}`;
          const answer = await requestRoute(this.actors[actor], request);
          this.seen(actor, answer, where);
          this.check(actor, where, request.expect[actor], answer);
          if (request.expect[actor] === "not-found") {
            const missing = await requestRoute(this.actors[actor], { ...request, path: withMissingIds(request.path, this.missing) });
            this.seen(actor, missing, where);
            this.compareWithMissing(actor, where, answer, missing, (a, b) => a === b);
          }
        }),
      ),
    );
    await pool(tasks, PARALLEL_REQUESTS);
  }

  /**
   * Everyone but the record's owner first, action by action: the targeted
   * rows must not change. Then the owners (client A, therapist A), whose
   * calls must change them: proof that the same arguments were a real,
   * valid request. Sign-out last.
   */
  async actions(found: Enumeration) {
    const built = new Map(found.actions.map((action) => [action.key, action]));
    const rows = actions.flatMap((row) => {
      const action = built.get(row.action);
      return action ? [{ row, action }] : [];
    });
    const isOwnerCall = (row: ActionRow, actor: ActorName) =>
      row.expect[actor] === "ok" && (row.owners ?? ["clientA", "therapistA"]).includes(actor) && row.targets(this.world).length > 0;

    for (const { row, action } of rows.filter(({ row }) => !row.endsSession)) {
      const before = await takeSnapshot(row.targets(this.world));
      await Promise.all(ACTORS.filter((actor) => !isOwnerCall(row, actor)).map((actor) => this.actionCell(row, action, actor, false)));
      const after = await takeSnapshot(row.targets(this.world));
      if (after !== before) this.problems.push(`${row.action}: calls by someone other than the owner changed the targeted records: ${difference(before, after)}`);
    }
    for (const { row, action } of rows.filter(({ row }) => !row.endsSession)) {
      for (const actor of ACTORS.filter((actor) => isOwnerCall(row, actor))) await this.actionCell(row, action, actor, true);
    }
    for (const { row, action } of rows.filter(({ row }) => row.endsSession)) {
      await Promise.all(ACTORS.map((actor) => this.actionCell(row, action, actor, false)));
    }
    if (rows.some(({ row }) => row.endsSession)) await this.expectSignedOut();
  }

  private async actionCell(row: ActionRow, action: BuiltAction, actor: ActorName, owner: boolean) {
    const expected = row.expect[actor];
    const where = `action ${row.action}`;
    const post = async (swapIds: boolean) => {
      const swap = (text: string) => (swapIds ? withMissingIds(text, this.missing) : text);
      const call = JSON.parse(swap(JSON.stringify(row.call(this.world))));
      return callAction(this.actors[actor], actor, {
        actionId: action.id,
        path: swap(this.postPath(action, actor)),
        call,
        previousState: takesPreviousState(action.id),
        origin: this.origin,
      });
    };
    const before = owner ? await takeSnapshot(row.targets(this.world)) : "";
    const sent = JSON.stringify(row.call(this.world));
    const answer = await post(false);
    this.seen(actor, answer, where, true, sent);
    if (owner) {
      const changed = (await takeSnapshot(row.targets(this.world))) !== before;
      // The owner's call must have done its work on exactly the rows the others could not touch.
      if (answer.outcome === "done") answer.outcome = changed ? "ok" : "ignored";
      else if (answer.outcome === "ok" && !changed) answer.outcome = "ok, but the targeted rows did not change";
    } else if (answer.outcome === "done") answer.outcome = "ignored";
    this.check(actor, where, expected, answer);

    if (expected === "not-found" || (expected === "ignored" && actor !== "anonymous")) {
      const missing = await post(true);
      this.seen(actor, missing, where, true, sent);
      if (missing.outcome === "done") missing.outcome = "ignored";
      this.compareWithMissing(actor, where, answer, missing, (a, b) => notFoundMessage(a) === notFoundMessage(b));
    }
  }

  /** From a page of the action that this actor may open (as their browser would), else the first. */
  private postPath(action: BuiltAction, actor: ActorName): string {
    const reachable = (route: string) => {
      const row = pages.find((page) => page.route === route);
      return row && (row.expect[actor] === "ok" || row.expect[actor] === "not-found");
    };
    const route = action.postedFrom.find(reachable) ?? action.postedFrom[0];
    if (!route) throw new Error(`${action.key} is carried by no page`);
    return fillRoute(route, this.segments);
  }

  /** After signing out, each replayed session cookie is a signed-out visitor. */
  private async expectSignedOut() {
    await Promise.all(
      ACTORS.filter((actor) => actor !== "anonymous").map(async (actor) => {
        const home = actor.startsWith("therapist") ? "/dashboard" : "/portal";
        const answer = await requestPage(this.actors[actor], actor, home);
        this.seen(actor, answer, `page ${home} after signing out`);
        this.check(actor, `page ${home} after signing out`, "redirect-sign-in", answer);
      }),
    );
  }
}

/** Where two snapshots part ways, with a little context. */
function difference(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  const from = Math.max(0, start - 60);
  return `…${before.slice(from, start + 80)}… became …${after.slice(from, start + 80)}…`;
}

function notFoundMessage(body: string): string | undefined {
  return /"message":"([^"]*)"/.exec(body)?.[1];
}

function actionSkeleton(built: BuiltAction): string {
  const call = takesPreviousState(built.id)
    ? `({ form: { /* the form's fields, aimed at client A's or therapist A's records */ } })`
    : `({ form: { /* … */ } }) // or ({ args: [ … ] }) when the page calls it with plain values`;
  return [
    `  // actions[]`,
    `  action(${JSON.stringify(built.key)}, {`,
    `    expect: TODO_EXPECT, // THERAPIST_A_ONLY, CLIENT_A_ONLY, THERAPISTS, CLIENTS, every("refused") …`,
    `    call: (w) => ${call},`,
    `    targets: (w) => [/* snap.client(w.clientA.id), snap.user(w.clientA.userId), … */],`,
    `  }),`,
  ].join("\n");
}

/** Route rows list their requests from a world; any ids will do to see which methods they use. */
function placeholderWorld(): World {
  const person = { id: "x", displayName: "x", email: "x", timeZone: "UTC", token: "x", userId: "x", password: "x" };
  const therapist = { id: "x", practiceId: "x", name: "x", practiceName: "x", email: "x", password: "x", timeZone: "UTC" };
  return {
    today: "2026-01-01",
    therapistA: therapist,
    therapistB: therapist,
    clientA: person,
    clientB: person,
    partner: person,
    invited: person,
    spare: person,
    otherPracticeClient: person,
    template: { id: "x", title: "x" },
    otherPracticeTemplate: { id: "x", title: "x" },
    builtInLogTemplateId: "x",
    draftAssignmentId: "x",
    submitAssignmentId: "x",
    changeAssignmentId: "x",
    logAssignmentId: "x",
    submissionId: "x",
    safetyFlagId: "x",
    feedbackId: "x",
    clientAOtherSession: "x",
    sessionId: "x",
    upcomingSessionId: "x",
    practice: { clinicianId: "x", supervisorId: "x", leaverId: "x", resendInvitationId: "x", revokeInvitationId: "x", handoverClientId: "x" },
  };
}

