"use client";

// One error boundary for the whole portal, inside its layout (the header stays):
// a page or a record's layout that fails shows the same calm message. One
// boundary rather than one per page: each is a script file of its own.
export { default } from "@/components/layout/segment-error";
