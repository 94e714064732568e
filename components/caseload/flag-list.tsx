"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { AcknowledgeFlagForm } from "./acknowledge-flag-form";
import type { FlagItem } from "./flag-items";

/** A row's open flags as text badges, each with its own "Acknowledge" (not for readers who are not the clinician). */
export function FlagList({ clientName, flags, readOnly = false }: { clientName: string; flags: FlagItem[]; readOnly?: boolean }) {
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The acknowledged flag's form is gone from the page; keep keyboard focus
  // here rather than letting it fall back to the top of the document.
  useEffect(() => {
    if (announcement) statusRef.current?.focus();
  }, [announcement]);

  return (
    <div>
      {flags.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label={`Open flags for ${clientName}`}>
          {flags.map((flag) => (
            <li key={flag.key} className="flex flex-wrap items-center gap-x-3">
              <span
                className={cn(
                  "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1",
                  flag.urgent ? "bg-red-100 text-red-900 ring-red-300" : "bg-amber-50 text-amber-900 ring-amber-300",
                )}
              >
                {flag.label}
              </span>
              {readOnly ? null : <AcknowledgeFlagForm flag={flag} clientName={clientName} onAcknowledged={setAnnouncement} />}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-sm text-stone-500">None</span>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className="text-xs text-brand-900">
        {announcement}
      </p>
    </div>
  );
}
