"use client";

import { PageError } from "./page-error";

// Default export so each route segment's error.tsx can re-export it.
export default function SegmentError({ reset }: { error: Error; reset: () => void }) {
  return <PageError reset={reset} />;
}
