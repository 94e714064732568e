import { z } from "zod";
import { idField } from "@/lib/validations/text";

// The portal's "Share with my partner" / "Stop sharing" buttons post this.
export const entrySharingSchema = z.object({
  submissionId: idField,
  share: z.enum(["yes", "no"], { error: "Choose whether to share this entry." }).transform((value) => value === "yes"),
});

export type EntrySharingInput = z.output<typeof entrySharingSchema>;
