import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { buildAnswersSchema, findSafetyConcerns, type Answers } from "@/lib/exercises";
import { alertOpenFlagsOf } from "@/lib/safety/flag-alert";
import { validationMessages } from "./validation-messages";
import { AlreadySubmitted, DraftConflict, ENTRY_CLOSED } from "./entry-errors";
import { loadDraftTarget, type DraftTarget } from "./load-draft-target";
import { assertEntryInput } from "./payload-limits";
import { writableEntryDay } from "./resolve-entry";
import { splitPrivateAnswers } from "./split-answers";
import type { ClientScope } from "./client-scope";

export type DraftInput = {
  assignmentId: string;
  entryKey: string;
  answers: unknown;
  privateKeys: string[];
  /** The version the client last saw; 0 for a new entry. */
  baseVersion: number;
  /**
   * A save from the same page still under way when this one was sent (a page
   * that is closing cannot wait for it): if it has landed already, so that the
   * stored draft is exactly it at baseVersion + 1, this save goes on top of it
   * instead of being a conflict.
   */
  supersedes?: { answers: unknown; privateKeys: string[] };
};

export type DraftSaved = { version: number; savedAt: Date; safetyConcern: boolean };

type Stored = { shared: Answers; hidden: Answers; privateKeys: string[] };

type WriteRow = {
  saved: boolean;
  id: string;
  version: number;
  updatedAt: Date;
  status: string | null;
  answers: unknown;
  privateAnswers: unknown;
  privateKeys: string[] | null;
};

/**
 * Saves what the client has typed so far, in three statements with the
 * session check: one read (assignment, version, the entry's row), one write.
 * A save based on an older version than the stored one is refused with the
 * newer text (DraftConflict), so two tabs never silently overwrite each other;
 * a save that repeats what is stored (a retry, or the keepalive copy of a save
 * that already landed) is answered with the stored version, so it never turns
 * into a conflict for the page that sent it.
 */
export async function saveDraft(client: ClientScope, input: DraftInput, now = new Date()): Promise<DraftSaved> {
  assertEntryInput(input);
  const target = await loadDraftTarget(client, input.assignmentId, input.entryKey, now);
  if (target.entry?.status === "SUBMITTED") throw new AlreadySubmitted(target.entry.id);
  const dueOn = writableEntryDay(target.assignment, input.entryKey, target.entry?.dueOn ?? null);

  const draft = normalise(target, input);
  const concerns = findSafetyConcerns(target.assignment.version.fields, draft.parsed);
  const write = (baseVersion: number) => writeDraft(client, target, input.entryKey, dueOn, draft.stored, concerns, baseVersion);
  const result = (row: { version: number; updatedAt: Date }): DraftSaved => ({
    version: row.version,
    savedAt: row.updatedAt,
    safetyConcern: concerns.length > 0,
  });

  let row = await write(input.baseVersion);
  if (row.saved) return result(row);
  if (row.status === "SUBMITTED") throw new AlreadySubmitted(row.id);
  const stored = storedOf(row);
  if (sameDraft(stored, draft.stored)) return result(row);

  const earlier = input.supersedes ? tryNormalise(target, input.supersedes) : null;
  if (earlier && row.version === input.baseVersion + 1 && sameDraft(stored, earlier)) {
    row = await write(row.version);
    if (row.saved) return result(row);
    if (row.status === "SUBMITTED") throw new AlreadySubmitted(row.id);
    if (sameDraft(storedOf(row), draft.stored)) return result(row);
  }
  throw DraftConflict.fromRow({ ...row, privateKeys: row.privateKeys ?? [] });
}

function normalise(target: DraftTarget, input: { answers: unknown; privateKeys: string[] }) {
  const fields = target.assignment.version.fields;
  const parsed = buildAnswersSchema(fields, { mode: "draft" }).safeParse(input.answers);
  if (!parsed.success) throw invalid("Some answers could not be saved.", validationMessages(parsed.error));
  const { shared, hidden, privateKeys } = splitPrivateAnswers(fields, parsed.data, input.privateKeys);
  return { parsed: parsed.data, stored: { shared, hidden, privateKeys } satisfies Stored };
}

function tryNormalise(target: DraftTarget, input: { answers: unknown; privateKeys: unknown }): Stored | null {
  if (!Array.isArray(input.privateKeys) || !input.privateKeys.every((key) => typeof key === "string")) return null;
  try {
    return normalise(target, { answers: input.answers, privateKeys: input.privateKeys }).stored;
  } catch {
    return null;
  }
}

function storedOf(row: WriteRow): Stored {
  return { shared: (row.answers ?? {}) as Answers, hidden: (row.privateAnswers ?? {}) as Answers, privateKeys: row.privateKeys ?? [] };
}

/** JSON with object keys sorted (jsonb keeps its own key order), for comparing drafts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function sameDraft(a: Stored, b: Stored): boolean {
  return (
    canonical(a.shared) === canonical(b.shared) &&
    canonical(a.hidden) === canonical(b.hidden) &&
    canonical([...a.privateKeys].sort()) === canonical([...b.privateKeys].sort())
  );
}

const newId = () => `c${randomBytes(12).toString("hex")}`;

/**
 * One statement: create the entry's row or update it, only while the
 * assignment is still the caller's and active, the entry is a draft and its
 * version is the one the client saw; raise a safety flag with it when the
 * answers call for one and none is open. When nothing was written it returns
 * the stored row instead, so a conflict needs no second read.
 */
async function writeDraft(
  client: ClientScope,
  target: DraftTarget,
  entryKey: string,
  dueOn: string,
  draft: Stored,
  concerns: string[],
  baseVersion: number,
): Promise<WriteRow> {
  const assignmentId = target.assignment.id;
  const rows = await db.$queryRaw<WriteRow[]>`
    WITH saved AS (
      INSERT INTO "Submission" AS s ("id", "practiceId", "clientId", "assignmentId", "templateVersionId", "dueOn", "entryKey",
                                     "answers", "privateAnswers", "privateKeys", "version", "safetyConcern", "updatedAt")
      SELECT ${newId()}, a."practiceId", a."clientId", a."id", a."templateVersionId", ${dueOn}::date, ${entryKey},
             ${JSON.stringify(draft.shared)}::jsonb, ${JSON.stringify(draft.hidden)}::jsonb, ${draft.privateKeys}::text[],
             1, ${concerns.length > 0}, timezone('UTC', now())
      FROM "Assignment" a
      WHERE a."id" = ${assignmentId} AND a."clientId" = ${client.clientId} AND a."practiceId" = ${client.practiceId}
        AND a."status" = 'ACTIVE'
      ON CONFLICT ("assignmentId", "entryKey") DO UPDATE
        SET "answers" = EXCLUDED."answers", "privateAnswers" = EXCLUDED."privateAnswers", "privateKeys" = EXCLUDED."privateKeys",
            "safetyConcern" = EXCLUDED."safetyConcern", "version" = s."version" + 1, "updatedAt" = EXCLUDED."updatedAt"
        WHERE s."clientId" = ${client.clientId} AND s."status" = 'DRAFT' AND s."version" = ${baseVersion}::int
      RETURNING s."id", s."version", s."updatedAt"
    ), flagged AS (
      INSERT INTO "SafetyFlag" ("id", "practiceId", "clientId", "submissionId", "fieldKeys")
      SELECT ${newId()}, ${client.practiceId}, ${client.clientId}, saved."id", ${concerns}::text[]
      FROM saved
      WHERE cardinality(${concerns}::text[]) > 0
        AND NOT EXISTS (SELECT 1 FROM "SafetyFlag" f WHERE f."submissionId" = saved."id" AND f."acknowledgedAt" IS NULL)
      RETURNING 1
    )
    SELECT true AS "saved", saved."id", saved."version", saved."updatedAt",
           NULL::text AS "status", NULL::jsonb AS "answers", NULL::jsonb AS "privateAnswers", NULL::text[] AS "privateKeys"
    FROM saved
    UNION ALL
    SELECT false, c."id", c."version", c."updatedAt", c."status"::text, c."answers", c."privateAnswers", c."privateKeys"
    FROM "Submission" c
    WHERE c."assignmentId" = ${assignmentId} AND c."entryKey" = ${entryKey} AND c."clientId" = ${client.clientId}
      AND NOT EXISTS (SELECT 1 FROM saved)`;
  if (rows[0]) {
    // A flag raised by this statement: queue the clinician's alert (once per entry).
    if (rows[0].saved && concerns.length) await alertOpenFlagsOf(rows[0].id);
    return rows[0];
  }
  // Nothing written and no row in this statement's snapshot: another save
  // created the row at the same moment (rare), or the assignment closed.
  const current = await db.submission.findFirst({
    where: { assignmentId, entryKey, clientId: client.clientId },
    select: { id: true, version: true, updatedAt: true, status: true, answers: true, privateAnswers: true, privateKeys: true },
  });
  if (!current) throw invalid(ENTRY_CLOSED);
  return { saved: false, ...current };
}
