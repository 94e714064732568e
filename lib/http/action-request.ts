// Checks proxy.ts makes on a POST to a page (a Server Action) before Next
// decodes it. Next refuses a foreign Origin and a malformed or oversized body
// too, but answers those with a 500; these checks answer 403, 400 and 413.

/** The largest request body Trellis accepts (also next.config.js serverActions.bodySizeLimit). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Deeper JSON than this is refused: no action takes anything close, and deep nesting exhausts the decoder's stack. */
export const MAX_JSON_DEPTH = 64;

export type Refusal = { status: 400 | 403 | 413; message: string };

export const refusals = {
  origin: { status: 403, message: "This request did not come from a Trellis page." },
  tooLarge: { status: 413, message: "That is more than Trellis accepts in one request (1 MB)." },
  malformed: { status: 400, message: "Trellis could not read that request." },
} as const satisfies Record<string, Refusal>;

type HeaderSource = { get(name: string): string | null };

/**
 * A Server Action must come from one of our own pages: its Origin has to name
 * the host the request was sent to. Host is the Host header, or behind a
 * trusted proxy also the first X-Forwarded-Host (Next accepts either, so this
 * is never looser than Next's own check). A missing or "null" Origin is refused:
 * every browser sends one with a POST.
 */
export function hasSameOrigin(headers: HeaderSource, trustProxy: boolean): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const hosts = [headers.get("host")];
  if (trustProxy) hosts.push(headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? null);
  return hosts.some((host) => host !== null && host.toLowerCase() === originHost);
}

/** A declared Content-Length over the limit (a missing one is checked once the body is read). */
export function declaresTooLarge(contentLength: string | null): boolean {
  return contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > MAX_BODY_BYTES;
}

/** How deeply arrays and objects nest in JSON text, scanning without recursion; null when brackets do not balance. */
export function jsonDepth(text: string): number | null {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) {
      if (--depth < 0) return null;
    }
  }
  return depth === 0 && !inString ? deepest : null;
}

/** Parses one row of a Server Action reply; undefined when it is not JSON or nests too deeply. */
function parseRow(text: string): { value: unknown } | undefined {
  const depth = jsonDepth(text);
  if (depth === null || depth > MAX_JSON_DEPTH) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

// React's reply format marks special values with a leading "$". Trellis's
// actions take plain values, FormData, dates and undefined, so only those
// markers are accepted; streams, blobs, typed arrays, server and temporary
// references (and unknown markers) make the decoder or the action throw.
// Accepted: "$$…" (a string that starts with "$"), "$K<id>" (FormData),
// "$D…" (a date), "$undefined", "$-0", "$Infinity", "$-Infinity", "$NaN", "$n<digits>"
// (a bigint), and pointers to other rows: "$<id>" (optionally ":path"),
// "$@<id>", "$Q<id>" (a Map), "$W<id>" (a Set); ids are lowercase hex. A
// pointer to a row that was never sent leaves the decoder waiting until it
// gives up with an error, so such a body is malformed too.
const ROW_POINTER = /^\$(?:[@QW])?([0-9a-f]+)(?::[^]*)?$/;
const PLAIN_MARKER = /^\$(?:\$[^]*|K[0-9a-f]+|D[^]*|u[^]*|-[^]*|I[^]*|N[^]*|n-?\d{1,300})$/;

/** Adds the rows `value` points at to `found`; false when it holds a marker Trellis does not accept. */
function collectPointers(value: unknown, found: Set<number>): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (!item.startsWith("$") || PLAIN_MARKER.test(item)) continue;
      const pointer = ROW_POINTER.exec(item);
      if (!pointer) return false;
      found.add(Number.parseInt(pointer[1]!, 16));
    } else if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === "object") stack.push(...Object.values(item));
  }
  return true;
}

/**
 * Checks a set of rows (id → JSON text) sharing one prefix: each parses, uses
 * only accepted markers, and every row pointed at exists. `root` is the row
 * that must be there; `rootIsArray` when it holds the action's arguments.
 */
function rowsAreWellFormed(rows: Map<number, string>, root: number | null, rootIsArray = false): boolean {
  if (root !== null && !rows.has(root)) return false;
  const wanted = new Set<number>();
  for (const [id, text] of rows) {
    const parsed = parseRow(text);
    if (!parsed) return false;
    if (rootIsArray && id === root && !Array.isArray(parsed.value)) return false;
    if (!collectPointers(parsed.value, wanted)) return false;
  }
  return [...wanted].every((id) => rows.has(id));
}

/**
 * A fetch action's text body (React's reply for simple arguments): one JSON
 * row, the array of arguments, which may not point at rows it does not carry.
 */
export function isWellFormedTextReply(text: string): boolean {
  return rowsAreWellFormed(new Map([[0, text]]), 0, true);
}

// Row fields of a multipart reply: "<id>" for a fetch action, "$ACTION_<n>:<id>"
// for a form posted before the page hydrated.
const ROW_FIELD = /^(\$ACTION_[^:]*:)?(\d+)$/;

/**
 * A multipart Server Action body, already parsed: every JSON row parses and
 * nests within limits, and what rows point at is present. A fetch action
 * (Next-Action header) needs its root row "0"; a form post needs the root
 * row of each bound action it names.
 */
export function isWellFormedFormReply(form: FormData, isFetchAction: boolean): boolean {
  const byPrefix = new Map<string, Map<number, string>>();
  const roots = new Set<string>(isFetchAction ? [""] : []);
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_REF_")) roots.add(`$ACTION_${key.slice("$ACTION_REF_".length)}:`);
    const match = ROW_FIELD.exec(key);
    if (!match || typeof value !== "string") continue;
    const prefix = match[1] ?? "";
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, new Map());
    byPrefix.get(prefix)!.set(Number(match[2]), value);
  }
  for (const prefix of roots) if (!byPrefix.has(prefix)) return false;
  for (const [prefix, rows] of byPrefix) {
    if (!rowsAreWellFormed(rows, roots.has(prefix) ? 0 : null, isFetchAction && prefix === "")) return false;
  }
  return true;
}
