import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-state";
import type { FormState } from "@/lib/actions/result";

/**
 * A new password and its repetition, as every "choose a password" form asks
 * for them (fields `password` and `confirmPassword`, checked by the server's
 * password rules), so the hint and the autocomplete hints stay the same
 * everywhere.
 */
export function NewPasswordFields({
  state,
  label = "Choose a password",
  againLabel = "Type it again",
}: {
  state: FormState;
  label?: string;
  againLabel?: string;
}) {
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence is easy to remember."
        required
        error={fieldError(state, "password")}
      />
      <TextField label={againLabel} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldError(state, "confirmPassword")} />
    </>
  );
}
