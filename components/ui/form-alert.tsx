import { cn } from "./cn";

// Announced to screen readers when it changes; empty when there is nothing to say.
export function FormAlert({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} aria-live="polite">
      {message ? (
        <p
          className={cn(
            "rounded-lg border px-3 py-2 text-sm",
            tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-brand-200 bg-brand-50 text-brand-900",
          )}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
