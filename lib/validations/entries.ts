import { z } from "zod";

export const entryPayloadSchema = z.object({
  assignmentId: z.string().min(1).max(64),
  entryKey: z.string().min(1).max(80),
  answers: z.record(z.string(), z.unknown()),
  privateKeys: z.array(z.string().max(64)).max(60),
  baseVersion: z.number().int().min(0),
});

export type EntryPayload = z.infer<typeof entryPayloadSchema>;
