import type { FormState } from "@/lib/actions/result";

/**
 * The answer after a sign-up, an invitation acceptance or a reset request.
 * The live region is always in the page, so screen readers announce the
 * message when it appears.
 */
export function CheckEmailNotice({ state }: { state: FormState }) {
  const message = state?.ok ? state.message : undefined;
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <div className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900" data-testid="check-email">
          <p className="font-semibold">{message}</p>
          <p className="mt-2 text-sm">
            Nothing there after a few minutes? Look in your spam or junk folder, and check that the address was typed
            correctly.
          </p>
        </div>
      ) : null}
    </div>
  );
}
