import type { SaveStatus } from "./use-autosave";

const labels: Record<SaveStatus, string> = {
  idle: "Your answers save as you type",
  saving: "Saving…",
  saved: "Saved",
  retrying: "Not saved — retrying",
  invalid: "Not saved — see the note below",
  conflict: "Changed elsewhere",
  "signed-out": "Signed out — not saved yet",
};

/**
 * The one line that says whether what the client typed is safe. `notice`
 * explains a failure in plain words (an outage, an answer that is too long);
 * it is shown with the badge so a screen reader hears both.
 */
export function SaveStatusBadge({ status, savedAt, notice }: { status: SaveStatus; savedAt: Date | null; notice?: string | null }) {
  const time = savedAt && status === "saved" ? ` at ${savedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : "";
  const tone =
    status === "retrying" || status === "invalid" || status === "conflict" || status === "signed-out"
      ? "bg-amber-100 text-amber-900"
      : status === "saved"
        ? "bg-brand-50 text-brand-900"
        : "bg-stone-100 text-stone-700";
  const showNotice = notice && (status === "retrying" || status === "invalid");
  return (
    <div role="status" aria-live="polite" className="flex flex-col items-end gap-1 text-right">
      <p data-testid="save-status" data-status={status} className={`inline-flex rounded-full px-3 py-1 text-sm font-medium ${tone}`}>
        {labels[status]}
        {time}
      </p>
      {showNotice ? (
        <p data-testid="save-notice" className="max-w-md text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
