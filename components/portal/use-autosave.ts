"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerValue, Answers } from "@/lib/exercises";
import type { DraftSaveResult, EntryFailure } from "@/lib/homework/draft-result";

export type SaveStatus = "idle" | "saving" | "saved" | "retrying" | "invalid" | "conflict" | "signed-out";

type Snapshot = { answers: Answers; privateKeys: string[] };
type Payload = Snapshot & { baseVersion: number };
type SaveFn = (payload: Payload) => Promise<DraftSaveResult>;
type Blocked = "conflict" | "signed-out" | "invalid" | null;

const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;
/** A save that has not answered by then counts as failed (it may still land; see apply). */
export const SAVE_TIMEOUT_MS = 5_000;
/** Browsers refuse keepalive bodies over 64 KiB (all of a page's pending ones together). */
const KEEPALIVE_MAX_BYTES = 60_000;
const KEEPALIVE_URL = "/api/drafts";

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sorted-key JSON, so a draft can be compared with what the server says it holds. */
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
const contentOf = (snapshot: Snapshot) => canonical({ answers: snapshot.answers, privateKeys: [...snapshot.privateKeys].sort() });

/** The route's answer as a save result; anything unexpected throws, so it is retried. */
async function readRouteAnswer(response: Response): Promise<DraftSaveResult> {
  if (response.status === 401) return { ok: false, reason: "signed-out" };
  const body = (await response.json().catch(() => null)) as (DraftSaveResult & { message?: string }) | { reason?: string; message?: string } | null;
  if (body && "ok" in body && (body.ok || ["conflict", "submitted", "invalid", "unavailable"].includes(body.reason))) return body;
  if (response.status === 404 || response.status === 413) {
    return { ok: false, reason: "invalid", message: body?.message ?? "That could not be saved.", fieldErrors: {} };
  }
  throw new Error(`draft save answered ${response.status}`);
}

/**
 * Keeps the client's answers saved on the server while they type: debounced,
 * at once when a field loses focus, retried with backoff while offline or
 * while the server does not answer. The answers live only in memory and on
 * the server, never in browser storage.
 *
 * Leaving never loses the last keystrokes: on pagehide, on the tab going
 * hidden, on a link click and when the form unmounts (a client-side
 * navigation) the pending draft goes out at once with fetch keepalive, which
 * outlives the page. The leave prompt remains for what cannot be sent that
 * way (offline, failing saves, a draft over the keepalive limit, a conflict).
 *
 * When the session has ended saving stops, the text stays in memory, and
 * resumeAfterSignIn() saves it the moment the person has signed in again.
 */
export function useAutosave(options: {
  entry: { assignmentId: string; entryKey: string };
  initial: Snapshot;
  initialVersion: number;
  save: SaveFn;
  onSubmitted: (submissionId: string) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(options.initial.answers);
  const [privateKeys, setPrivateKeys] = useState<string[]>(options.initial.privateKeys);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [notice, setNotice] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Extract<EntryFailure, { reason: "conflict" }>["current"] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [signedOut, setSignedOut] = useState(false);

  const latest = useRef<Snapshot>(options.initial);
  const version = useRef(options.initialVersion);
  const dirty = useRef(false);
  /** The request under way (a Server Action or the route) and the draft it carries. */
  const inFlight = useRef<{ promise: Promise<void>; snapshot: Snapshot } | null>(null);
  /** Drafts this page sent whose answer it has not seen (timed out): if one lands, it is ours, not a conflict. */
  const unanswered = useRef<string[]>([]);
  const keepaliveSent = useRef<{ snapshot: Snapshot; baseVersion: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const failing = useRef(false);
  const blocked = useRef<Blocked>(null);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const flushRef = useRef<() => Promise<void>>(async () => {});

  const retryLater = useCallback(() => {
    failing.current = true;
    setStatus("retrying");
    const delay = retryDelay.current;
    retryDelay.current = Math.min(delay * 2, MAX_RETRY_MS);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  /** Applies a save's answer, however late it comes, from whichever request. */
  const apply = useCallback(
    (snapshot: Snapshot, result: DraftSaveResult) => {
      unanswered.current = unanswered.current.filter((item) => item !== contentOf(snapshot));
      if (!result.ok && result.reason === "conflict") {
        const current = { answers: result.current.answers, privateKeys: result.current.privateKeys };
        const theirs = contentOf(current);
        if (theirs === contentOf(latest.current)) {
          // The server holds exactly what is on the screen (our own keepalive landed first): nothing to resolve.
          result = { ok: true, version: result.current.version, savedAt: result.current.updatedAt, safetyConcern: false };
          snapshot = latest.current;
        } else if (theirs === contentOf(snapshot) || unanswered.current.includes(theirs)) {
          // An earlier save from this page landed after all: build on it.
          version.current = Math.max(version.current, result.current.version);
          unanswered.current = unanswered.current.filter((item) => item !== theirs);
          if (!timer.current) timer.current = setTimeout(() => void flushRef.current(), 0);
          return;
        }
      }
      if (result.ok) {
        version.current = Math.max(version.current, result.version);
        retryDelay.current = 2000;
        failing.current = false;
        setNotice(null);
        setSavedAt(new Date(result.savedAt));
        setFieldErrors({});
        if (latest.current === snapshot) dirty.current = false;
        if (!blocked.current) setStatus(dirty.current ? "saving" : "saved");
        if (dirty.current && !timer.current && !inFlight.current) timer.current = setTimeout(() => void flushRef.current(), 0);
      } else if (result.reason === "conflict") {
        blocked.current = "conflict";
        setConflict(result.current);
        setStatus("conflict");
      } else if (result.reason === "signed-out") {
        // No retrying: it cannot succeed until they sign in again. Nothing typed is dropped.
        blocked.current = "signed-out";
        setSignedOut(true);
        setStatus("signed-out");
      } else if (result.reason === "submitted") {
        dirty.current = false;
        callbacks.current.onSubmitted(result.submissionId);
      } else if (result.reason === "unavailable") {
        setNotice(result.message);
        retryLater();
      } else {
        // A draft that does not fit (e.g. an answer too long) is kept here, not lost;
        // the next change to it is saved again.
        blocked.current = "invalid";
        failing.current = false;
        setFieldErrors(result.fieldErrors);
        setNotice(result.message);
        setStatus("invalid");
      }
    },
    [retryLater],
  );

  const bodyFor = useCallback((snapshot: Snapshot, supersedes?: Snapshot) => {
    const { assignmentId, entryKey } = callbacks.current.entry;
    return JSON.stringify({
      assignmentId,
      entryKey,
      answers: snapshot.answers,
      privateKeys: snapshot.privateKeys,
      baseVersion: version.current,
      ...(supersedes ? { supersedes: { answers: supersedes.answers, privateKeys: supersedes.privateKeys } } : {}),
    });
  }, []);

  /** A save through the route: abortable, and not queued behind a Server Action that hangs. */
  const saveByRoute = useCallback(
    async (snapshot: Snapshot): Promise<DraftSaveResult> => {
      const abort = new AbortController();
      const timeout = setTimeout(() => abort.abort(), SAVE_TIMEOUT_MS);
      try {
        const response = await fetch(KEEPALIVE_URL, {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: bodyFor(snapshot),
          signal: abort.signal,
        });
        return await readRouteAnswer(response);
      } finally {
        clearTimeout(timeout);
      }
    },
    [bodyFor],
  );

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      await inFlight.current.promise;
      // Typing went on while that save was under way: save the rest now.
      if (dirty.current && !blocked.current && !failing.current) return flushRef.current();
      return;
    }
    if (!dirty.current || blocked.current) return;
    const snapshot = latest.current;
    // After a failure, go by the route: a hung Server Action would hold the next one back.
    const viaRoute = failing.current;
    if (!viaRoute) setStatus("saving");
    unanswered.current = [...unanswered.current.slice(-4), contentOf(snapshot)];
    const request = viaRoute
      ? saveByRoute(snapshot)
      : callbacks.current.save({ ...snapshot, baseVersion: version.current });
    const promise = (async () => {
      try {
        apply(snapshot, await withTimeout(request, SAVE_TIMEOUT_MS));
      } catch {
        // Offline, or no answer in time: keep the edits and try again. A late answer still counts.
        request.then((late) => apply(snapshot, late)).catch(() => {});
        retryLater();
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = { promise, snapshot };
    await promise;
  }, [apply, retryLater, saveByRoute]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /**
   * Sends what is not yet saved with a request that outlives the page. False
   * when it cannot (offline, blocked, over the keepalive limit): then the
   * leave prompt has to stay.
   */
  const sendKeepalive = useCallback((): boolean => {
    const pending = inFlight.current;
    if (!dirty.current && !pending) return true;
    if (blocked.current || !navigator.onLine) return false;
    const snapshot = latest.current;
    const sent = keepaliveSent.current;
    if (sent && sent.snapshot === snapshot && sent.baseVersion === version.current) return true;
    const supersedes = pending && pending.snapshot !== snapshot ? pending.snapshot : undefined;
    const body = bodyFor(snapshot, supersedes);
    if (new TextEncoder().encode(body).byteLength > KEEPALIVE_MAX_BYTES) {
      void flush();
      return false;
    }
    keepaliveSent.current = { snapshot, baseVersion: version.current };
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    let request: Promise<Response>;
    try {
      request = fetch(KEEPALIVE_URL, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body,
      });
    } catch {
      return false;
    }
    unanswered.current = [...unanswered.current.slice(-4), contentOf(snapshot)];
    // If the page lives on (a hidden tab, a client-side navigation), its answer counts like any save's.
    const promise = (async () => {
      try {
        apply(snapshot, await readRouteAnswer(await request));
      } catch {
        if (keepaliveSent.current?.snapshot === snapshot) keepaliveSent.current = null;
        retryLater();
      }
    })();
    const settled = pending ? Promise.all([pending.promise, promise]).then(() => {}) : promise;
    const entry = { promise: settled, snapshot };
    inFlight.current = entry;
    void settled.finally(() => {
      if (inFlight.current === entry) inFlight.current = null;
    });
    return true;
  }, [apply, bodyFor, flush, retryLater]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [flush]);

  const update = useCallback(
    (next: Snapshot) => {
      latest.current = next;
      dirty.current = true;
      setAnswers(next.answers);
      setPrivateKeys(next.privateKeys);
      // A draft that was refused as it stood is tried again once it changes.
      if (blocked.current === "invalid") {
        blocked.current = null;
        setNotice(null);
        setStatus("saving");
      }
      if (!blocked.current) schedule();
    },
    [schedule],
  );

  const setAnswer = useCallback(
    (key: string, value: AnswerValue | undefined) => {
      const nextAnswers = { ...latest.current.answers };
      if (value === undefined) delete nextAnswers[key];
      else nextAnswers[key] = value;
      update({ answers: nextAnswers, privateKeys: latest.current.privateKeys });
    },
    [update],
  );

  const setPrivate = useCallback(
    (key: string, isPrivate: boolean) => {
      const keys = latest.current.privateKeys.filter((item) => item !== key);
      update({ answers: latest.current.answers, privateKeys: isPrivate ? [...keys, key] : keys });
    },
    [update],
  );

  /** Conflict resolution: take the other tab's text, or keep ours and save it over theirs knowingly. */
  const resolveConflict = useCallback(
    (choice: "theirs" | "mine") => {
      if (!conflict) return;
      version.current = conflict.version;
      blocked.current = null;
      setConflict(null);
      if (choice === "theirs") {
        latest.current = { answers: conflict.answers, privateKeys: conflict.privateKeys };
        dirty.current = false;
        setAnswers(conflict.answers);
        setPrivateKeys(conflict.privateKeys);
        setStatus("saved");
      } else {
        dirty.current = true;
        void flush();
      }
    },
    [conflict, flush],
  );

  const noticeSignedOut = useCallback(() => {
    blocked.current = "signed-out";
    setSignedOut(true);
    setStatus("signed-out");
  }, []);

  /** Signed in again: save what is waiting at once. */
  const resumeAfterSignIn = useCallback(() => {
    blocked.current = null;
    retryDelay.current = 2000;
    setSignedOut(false);
    setStatus(dirty.current ? "saving" : "saved");
    void flush();
  }, [flush]);

  useEffect(() => {
    // Before unload: send what is pending and let the page go; ask only when it cannot be delivered.
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current && !inFlight.current) return;
      const sent = sendKeepalive();
      if (sent && !failing.current && navigator.onLine) return;
      event.preventDefault();
      // Shown only by browsers that still show a page's own words.
      event.returnValue = "Your latest changes to this entry are not saved yet. If you leave now, they will be lost.";
    };
    const leaving = () => void sendKeepalive();
    const hidden = () => {
      if (document.visibilityState === "hidden") sendKeepalive();
    };
    // A link within Trellis: Next navigates without unloading the page, so send before it does.
    const linkClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      sendKeepalive();
    };
    const online = () => {
      if (dirty.current) void flush();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", leaving);
    document.addEventListener("visibilitychange", hidden);
    document.addEventListener("click", linkClick, true);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", leaving);
      document.removeEventListener("visibilitychange", hidden);
      document.removeEventListener("click", linkClick, true);
      window.removeEventListener("online", online);
    };
  }, [flush, sendKeepalive]);

  // Unmounting (any client-side navigation, the back button included): send what is pending.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      sendKeepalive();
    },
    [sendKeepalive],
  );

  return {
    answers,
    privateKeys,
    status,
    notice,
    savedAt,
    conflict,
    signedOut,
    noticeSignedOut,
    resumeAfterSignIn,
    fieldErrors,
    setFieldErrors,
    setAnswer,
    setPrivate,
    flush,
    resolveConflict,
    currentVersion: () => version.current,
    isBlocked: () => blocked.current !== null,
    /** After a successful submit there is nothing left to save or warn about. */
    markSubmitted: () => {
      dirty.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
  };
}
