"use client";

import { useEffect, useRef, useState } from "react";
import type { TimerAnswer } from "@/lib/exercises/field-types";
import { Button } from "@/components/ui/button";
import type { FieldControlProps } from "./types";

const BOX_PHASES = ["Breathe in", "Hold", "Breathe out"] as const;

function clock(seconds: number) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [minutes ? `${minutes} minute${minutes === 1 ? "" : "s"}` : null, rest ? `${rest} second${rest === 1 ? "" : "s"}` : null];
  return parts.filter(Boolean).join(" ");
}

/** A guided step with a visible timer; finishing it records that it was done. */
export function TimerControl({ field, id, value, onChange, describedBy, disabled }: FieldControlProps<"timer", TimerAnswer>) {
  const [elapsed, setElapsed] = useState(value?.seconds ?? 0);
  const [running, setRunning] = useState(false);
  const report = useRef(onChange);
  const change = (next: TimerAnswer | undefined) => onChange?.(next);
  useEffect(() => {
    report.current = onChange;
  });

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      setElapsed((seconds) => {
        const next = seconds + 1;
        if (next >= field.seconds) {
          setRunning(false);
          report.current?.({ completed: true, seconds: field.seconds });
          return field.seconds;
        }
        return next;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [running, field.seconds]);

  const done = value?.completed === true;
  const phaseLength = field.phaseSeconds ?? 4;
  const phase = field.pattern === "box_breathing" ? BOX_PHASES[Math.floor(elapsed / phaseLength) % BOX_PHASES.length] : null;
  const steps = field.steps ?? [];
  const step = steps.length ? steps[Math.min(steps.length - 1, Math.floor((elapsed / field.seconds) * steps.length))] : null;

  const rhythm = field.pattern === "box_breathing" ? `Box breathing, ${phaseLength} seconds for each step` : "A gentle countdown";

  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="rounded-xl border border-brand-200 bg-brand-50 p-4 text-center">
      <p className="mb-2 text-sm text-brand-900">
        {rhythm} · {duration(field.seconds)}
      </p>
      <p className="font-mono text-4xl font-semibold tabular-nums text-brand-900" aria-hidden="true">
        {clock(Math.max(0, field.seconds - elapsed))}
      </p>
      <p aria-live="polite" className="mt-2 min-h-7 text-lg font-medium text-brand-900">
        {done ? "Well done. You finished this step." : running ? (phase ?? step ?? "Keep going…") : elapsed > 0 ? "Paused" : ""}
      </p>
      {running && phase && step ? <p className="text-sm text-stone-700">{step}</p> : null}
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        {!done ? (
          <Button variant={running ? "secondary" : "primary"} disabled={disabled} onClick={() => {
            if (running) change({ completed: false, seconds: elapsed });
            setRunning(!running);
          }}>
            {running ? "Pause" : elapsed > 0 ? "Resume" : `Start (${clock(field.seconds)})`}
          </Button>
        ) : null}
        {!done ? (
          <Button variant="ghost" disabled={disabled} onClick={() => { setRunning(false); change({ completed: true, seconds: elapsed }); }}>
            I did this without the timer
          </Button>
        ) : (
          <Button variant="ghost" disabled={disabled} onClick={() => { setElapsed(0); change(undefined); }}>
            Start again
          </Button>
        )}
      </div>
    </div>
  );
}
