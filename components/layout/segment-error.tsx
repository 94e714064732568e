"use client";

import { PageError } from "./page-error";

// Default export so an area's error.tsx (portal, therapist pages, two-factor) can re-export it.
export default function SegmentError({ reset }: { error: Error; reset: () => void }) {
  return <PageError reset={reset} />;
}
