import type { DraftField } from "./builder-model";
import type { QuestionErrors } from "./builder-errors";

/** What every per-type settings editor receives from its question card. */
export type EditorProps = {
  draft: DraftField;
  errors: QuestionErrors;
  update: (patch: Partial<DraftField>) => void;
  makeUid: () => string;
};

/** `type="number"` inputs: empty means "not set". */
export function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
