"use client";

import { Button } from "@/components/ui/button";

// Shown by each segment's error.tsx. Never shows the error itself: it may
// carry clinical details and means nothing to the reader.
export function PageError({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md rounded-xl border border-red-200 bg-white p-6 text-center">
      <h2 className="text-lg font-semibold">Something went wrong on our side</h2>
      <p className="mt-2 text-stone-600">Nothing you entered has been lost. Please try again in a moment.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
