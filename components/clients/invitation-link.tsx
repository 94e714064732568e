"use client";

import { useState, useSyncExternalStore } from "react";
import { DayText } from "@/components/dates/date-text";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/**
 * The browser's zone once hydrated; on the server (and while hydrating) UTC,
 * so the HTML and the first browser render agree and React then re-renders.
 */
function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
}

export function InvitationLink({
  clientName,
  link,
  expiresAt,
  timeZone,
}: {
  clientName: string;
  link: string;
  expiresAt: string;
  /** The viewer's zone when the caller knows it; else the browser's. */
  timeZone?: string;
}) {
  const [copied, setCopied] = useState(false);
  const browserTimeZone = useBrowserTimeZone();
  // The date itself ("12 Dec"): "until in 7 days" would not read.
  const expires = <DayText value={new Date(expiresAt)} view={{ timeZone: timeZone ?? browserTimeZone, relative: false }} />;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the link stays selectable below.
      setCopied(false);
    }
  }

  return (
    <div className="rounded-lg border border-brand-200 bg-brand-50 p-4" role="status">
      <p className="font-medium text-brand-900">Invitation link for {clientName}</p>
      <p className="mt-1 text-sm text-stone-700">
        Trellis has e-mailed this link to {clientName}. It works once and until {expires}. If they’d rather get it from
        you, copy it now: Trellis keeps only a fingerprint of it (you can always make a new one).
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <input
          aria-label="Invitation link"
          readOnly
          value={link}
          data-testid="invitation-link"
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
