"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Shown once, right after they are made: only their hashes are stored.
export function TwoFactorRecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 className="font-semibold text-stone-900">Save your recovery codes</h3>
      <p className="text-sm text-stone-700">
        If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a password
        manager or a printed copy. This is the only time we can show them.
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-4 gap-y-1 font-mono text-base text-stone-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(codes.join("\n"));
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy codes"}
      </Button>
    </div>
  );
}
