"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerValue, Answers } from "@/lib/exercises";
import type { DraftSaveResult, EntryFailure } from "@/app/(portal)/portal/homework/actions";

export type SaveStatus = "idle" | "saving" | "saved" | "retrying" | "conflict" | "signed-out";

type Snapshot = { answers: Answers; privateKeys: string[] };
type SaveFn = (payload: Snapshot & { baseVersion: number }) => Promise<DraftSaveResult>;

const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps the client's answers saved on the server while they type: debounced,
 * at once when a field loses focus, retried with backoff while offline. The
 * answers live only in memory and on the server, never in browser storage.
 * When the session has ended (idle timeout, signed out elsewhere) saving
 * stops, the text stays in memory, and resumeAfterSignIn() saves it the
 * moment the person has signed in again.
 */
export function useAutosave(options: {
  initial: Snapshot;
  initialVersion: number;
  save: SaveFn;
  onSubmitted: (submissionId: string) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(options.initial.answers);
  const [privateKeys, setPrivateKeys] = useState<string[]>(options.initial.privateKeys);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Extract<EntryFailure, { reason: "conflict" }>["current"] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [signedOut, setSignedOut] = useState(false);

  const latest = useRef<Snapshot>(options.initial);
  const version = useRef(options.initialVersion);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const blocked = useRef(false);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      await inFlight.current;
      // Typing went on while that save was under way: save the rest now.
      if (dirty.current && !blocked.current) return flushRef.current();
      return;
    }
    if (!dirty.current || blocked.current) return;
    const snapshot = latest.current;
    setStatus("saving");
    inFlight.current = (async () => {
      try {
        const result = await callbacks.current.save({ ...snapshot, baseVersion: version.current });
        if (result.ok) {
          version.current = result.version;
          retryDelay.current = 2000;
          setSavedAt(new Date(result.savedAt));
          setFieldErrors({});
          if (latest.current === snapshot) dirty.current = false;
          setStatus(dirty.current ? "saving" : "saved");
        } else if (result.reason === "conflict") {
          blocked.current = true;
          setConflict(result.current);
          setStatus("conflict");
        } else if (result.reason === "signed-out") {
          // No retrying: it cannot succeed until they sign in again. Nothing typed is dropped.
          blocked.current = true;
          setSignedOut(true);
          setStatus("signed-out");
        } else if (result.reason === "submitted") {
          dirty.current = false;
          callbacks.current.onSubmitted(result.submissionId);
        } else {
          // A draft that does not fit (rare: e.g. the item closed) is kept here, not lost.
          blocked.current = true;
          setFieldErrors(result.fieldErrors);
          setStatus("retrying");
        }
      } catch {
        // Offline or the server did not answer: keep the edits and try again.
        setStatus("retrying");
        const delay = retryDelay.current;
        retryDelay.current = Math.min(delay * 2, MAX_RETRY_MS);
        timer.current = setTimeout(() => void flushRef.current(), delay);
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
  }, []);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

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
      blocked.current = false;
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
    blocked.current = true;
    setSignedOut(true);
    setStatus("signed-out");
  }, []);

  /** Signed in again: save what is waiting at once. */
  const resumeAfterSignIn = useCallback(() => {
    blocked.current = false;
    retryDelay.current = 2000;
    setSignedOut(false);
    setStatus(dirty.current ? "saving" : "saved");
    void flush();
  }, [flush]);

  // Warn before leaving with anything unsaved.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    const online = () => {
      if (dirty.current) void flush();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("online", online);
    };
  }, [flush]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return {
    answers,
    privateKeys,
    status,
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
    isBlocked: () => blocked.current,
    /** After a successful submit there is nothing left to save or warn about. */
    markSubmitted: () => {
      dirty.current = false;
      if (timer.current) clearTimeout(timer.current);
    },
  };
}
