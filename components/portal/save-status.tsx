import type { SaveStatus } from "./use-autosave";

const labels: Record<SaveStatus, string> = {
  idle: "Your answers save as you type",
  saving: "Saving…",
  saved: "Saved",
  retrying: "Not saved — retrying",
  conflict: "Changed elsewhere",
  "signed-out": "Signed out — not saved yet",
};

export function SaveStatusBadge({ status, savedAt }: { status: SaveStatus; savedAt: Date | null }) {
  const time = savedAt && status === "saved" ? ` at ${savedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : "";
  const tone =
    status === "retrying" || status === "conflict" || status === "signed-out"
      ? "bg-amber-100 text-amber-900"
      : status === "saved"
        ? "bg-brand-50 text-brand-900"
        : "bg-stone-100 text-stone-700";
  return (
    <p role="status" aria-live="polite" data-testid="save-status" data-status={status} className={`inline-flex rounded-full px-3 py-1 text-sm font-medium ${tone}`}>
      {labels[status]}
      {time}
    </p>
  );
}
