import { z } from "zod";
import { idField } from "@/lib/validations/text";

/** The inbox's "Mark reviewed" for the entries ticked (repeats count once). */
export const bulkReviewedSchema = z.object({
  submissionIds: z
    .array(idField, { message: "Choose at least one entry." })
    .min(1, "Choose at least one entry.")
    .max(200, "Choose at most 200 entries at once.")
    .transform((ids) => [...new Set(ids)]),
});
