// Saves a draft as the page goes away (pagehide, a hidden tab, a link
// followed within the autosave delay): the portal sends it with
// fetch(…, { keepalive: true }), which outlives the page. It is a save like
// any other: the same session check, validation, limits, version check and
// data function as the Server Action. The proxy skips /api, so the Origin
// check is made here.
import { getIdentity } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientScope } from "@/lib/homework/client-scope";
import { entryFailure, SIGNED_OUT, UNAVAILABLE, type DraftSaveResult } from "@/lib/homework/draft-result";
import { saveDraft } from "@/lib/homework/save-draft";
import { declaresTooLarge, hasSameOrigin, jsonDepth, MAX_BODY_BYTES, MAX_JSON_DEPTH, refusals } from "@/lib/http/action-request";
import { entryPayloadSchema } from "@/lib/validations/entries";

export const dynamic = "force-dynamic";

const keepaliveSaveSchema = entryPayloadSchema.extend({
  // The page's own save still under way when this was sent (see saveDraft).
  supersedes: entryPayloadSchema.pick({ answers: true, privateKeys: true }).optional(),
});

const INVALID = { ok: false, reason: "invalid", message: "That could not be saved.", fieldErrors: {} } as const;

function answer(body: DraftSaveResult | { ok: false; reason: "forbidden" | "not-found" | "too-large"; message: string }, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

const STATUS: Record<string, number> = { conflict: 409, submitted: 409, invalid: 400, "signed-out": 401, unavailable: 503 };

async function readJson(request: Request): Promise<{ value: unknown } | "too-large" | "malformed"> {
  if (declaresTooLarge(request.headers.get("content-length"))) return "too-large";
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return "too-large";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const depth = jsonDepth(text);
    if (depth === null || depth > MAX_JSON_DEPTH) return "malformed";
    return { value: JSON.parse(text) };
  } catch {
    return "malformed";
  }
}

export async function POST(request: Request) {
  if (!hasSameOrigin(request.headers, getEnv().TRUST_PROXY)) {
    return answer({ ok: false, reason: "forbidden", message: refusals.origin.message }, 403);
  }
  try {
    const identity = await getIdentity();
    if (!identity) return answer(SIGNED_OUT, 401);
    // Only clients have drafts; to anyone else this is a thing that is not there.
    if (identity.role !== "CLIENT") return answer({ ok: false, reason: "not-found", message: "Not found." }, 404);

    const body = await readJson(request);
    if (body === "too-large") return answer({ ok: false, reason: "too-large", message: refusals.tooLarge.message }, 413);
    if (body === "malformed") return answer(INVALID, 400);
    const parsed = keepaliveSaveSchema.safeParse(body.value);
    if (!parsed.success) return answer(INVALID, 400);

    const saved = await saveDraft(clientScope(identity), parsed.data);
    return answer({ ok: true, version: saved.version, savedAt: saved.savedAt.toISOString(), safetyConcern: saved.safetyConcern }, 200);
  } catch (error) {
    // Another client's entry, or one that does not exist: the same answer.
    if (error instanceof AppError && (error.kind === "not_found" || error.kind === "forbidden")) {
      return answer({ ok: false, reason: "not-found", message: error.message }, 404);
    }
    if (isDatabaseUnavailable(error)) return answer(UNAVAILABLE, 503);
    const failure = entryFailure(error);
    return answer(failure, STATUS[failure.reason] ?? 400);
  }
}
