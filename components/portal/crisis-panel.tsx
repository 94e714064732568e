"use client";

import { useEffect, useRef, useState } from "react";
import { telHref, type CrisisLine } from "@/lib/safety/crisis-resources";

export type CrisisPanelResources = { country: string; lines: CrisisLine[]; note: string | null };

type Props = {
  resources: CrisisPanelResources;
  /**
   * Move focus to the panel when it appears (the entry form, right after the
   * answer): a screen reader announces it and a phone scrolls it into view.
   * The submitted entry's page shows it without taking focus.
   */
  takeFocus?: boolean;
  /** Offer "I've seen this", which folds the panel to one line that opens it again. */
  dismissible?: boolean;
};

/**
 * Crisis lines for the client's country, each a large tap-to-call link. It is
 * a landmark with role="alert" so it is announced as it appears, and it is
 * never removed while the entry is open: changing the answer back does not
 * take the numbers away from someone who may need them.
 */
export function CrisisPanel({ resources, takeFocus = false, dismissible = false }: Props) {
  const ref = useRef<HTMLElement>(null);
  const [folded, setFolded] = useState(false);

  useEffect(() => {
    const panel = ref.current;
    if (!takeFocus || !panel) return;
    panel.focus({ preventScroll: true });
    // Keep the question in sight when the panel fits; otherwise show its top.
    const fits = panel.getBoundingClientRect().height < window.innerHeight - 64;
    panel.scrollIntoView({ block: fits ? "nearest" : "start" });
  }, [takeFocus]);

  if (folded) {
    return (
      <button
        type="button"
        onClick={() => setFolded(false)}
        data-testid="crisis-resources-folded"
        className="flex min-h-12 w-full items-center rounded-xl border-2 border-red-300 bg-red-50 px-4 text-left text-base font-semibold text-red-900"
      >
        Show the crisis numbers again
      </button>
    );
  }

  return (
    <section
      ref={ref}
      role="alert"
      aria-labelledby="crisis-title"
      tabIndex={-1}
      data-testid="crisis-resources"
      data-country={resources.country}
      className="scroll-mt-16 rounded-xl border-2 border-red-300 bg-red-50 p-4 text-red-950 outline-none focus-visible:ring-4 focus-visible:ring-red-400"
    >
      <h2 id="crisis-title" className="text-lg font-semibold">
        Your safety comes first
      </h2>
      <p className="mt-1 text-base leading-relaxed">If you are in danger right now, call your local emergency number. You can also talk to someone now:</p>
      <ul className="mt-3 space-y-2">
        {resources.lines.map((line, index) => (
          <li key={`${line.name}-${index}`}>
            {line.phone ? (
              <a
                href={telHref(line.phone)}
                className="flex min-h-14 flex-col justify-center rounded-lg border border-red-300 bg-white px-4 py-2 text-red-950 hover:bg-red-100 focus-visible:ring-4 focus-visible:ring-red-400 focus-visible:outline-none"
              >
                <span className="text-base font-semibold">
                  {line.name}: <span className="whitespace-nowrap underline underline-offset-2">{line.phone}</span>
                </span>
                {line.text ? <span className="text-sm text-red-900">{line.text}</span> : null}
              </a>
            ) : (
              <div className="rounded-lg border border-red-200 bg-white/70 px-4 py-2">
                <p className="text-base font-semibold">{line.name}</p>
                {line.text ? <p className="text-sm text-red-900">{line.text}</p> : null}
              </div>
            )}
          </li>
        ))}
      </ul>
      {resources.note ? <p className="mt-3 whitespace-pre-line text-base leading-relaxed wrap-anywhere">{resources.note}</p> : null}
      <p className="mt-3 text-sm leading-relaxed">Your therapist will see that you answered this way. Working on trust never means putting up with harm.</p>
      {dismissible ? (
        <button
          type="button"
          onClick={() => setFolded(true)}
          className="mt-3 min-h-11 rounded-lg px-3 text-sm font-semibold text-red-900 underline underline-offset-2 hover:bg-red-100"
        >
          I’ve seen this
        </button>
      ) : null}
    </section>
  );
}
