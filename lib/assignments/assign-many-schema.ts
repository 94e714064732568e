import { z } from "zod";
import { assignSchema, type AssignInput } from "@/lib/validations/assignments";
import { idField } from "@/lib/validations/text";

/** How many exercises one submit may assign. */
export const MAX_EXERCISES_PER_SUBMIT = 10;

export type AssignItem = Omit<AssignInput, "clientIds" | "note">;
export type AssignManyInput = {
  clientIds: string[];
  note: string | null;
  /** The form's key for this submit: the same key twice assigns once (a double click, a retry). */
  requestKey?: string;
  items: AssignItem[];
};

const ITEM_FIELD = /^items\.(\d{1,2})\.([A-Za-z]+)$/;
const ITEM_KEYS = ["templateId", "scheduleType", "startDate", "dueDate", "endDate", "dayCount"] as const;

/**
 * What the assign form posts: `items.<n>.<field>` for each exercise (weekdays
 * repeated), the clients and the note once. The one-exercise form's flat
 * names (`templateId`, `scheduleType`, …) are read as the first exercise.
 */
export function assignFormInput(formData: FormData): unknown {
  const items = new Map<number, Record<string, unknown>>();
  const itemAt = (index: number) => {
    let item = items.get(index);
    if (!item) items.set(index, (item = { weekdays: [] }));
    return item;
  };
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const match = ITEM_FIELD.exec(key);
    if (!match) continue;
    const item = itemAt(Number(match[1]));
    if (match[2] === "weekdays") (item.weekdays as string[]).push(value);
    else if ((ITEM_KEYS as readonly string[]).includes(match[2]!)) item[match[2]!] = value;
  }
  if (items.size === 0 && formData.has("templateId")) {
    const item = itemAt(0);
    for (const key of ITEM_KEYS) if (formData.has(key)) item[key] = String(formData.get(key));
    item.weekdays = formData.getAll("weekdays").map(String);
  }
  const requestKey = formData.get("requestKey");
  return {
    clientIds: formData.getAll("clientIds").map(String),
    note: typeof formData.get("note") === "string" ? formData.get("note") : undefined,
    requestKey: typeof requestKey === "string" && requestKey ? requestKey : undefined,
    items: [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item),
  };
}

/**
 * Each exercise is checked with the one-exercise rules (assignSchema), its
 * errors placed on its own fields (`items.1.dueDate`); the clients' and the
 * note's errors are reported once.
 */
export const assignManySchema = z
  .object({
    clientIds: z.unknown().optional(),
    note: z.unknown().optional(),
    requestKey: z.string().trim().max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
    items: z
      .array(z.record(z.string(), z.unknown()), { message: "Choose an exercise." })
      .min(1, "Choose an exercise.")
      .max(MAX_EXERCISES_PER_SUBMIT, `Assign at most ${MAX_EXERCISES_PER_SUBMIT} exercises at once.`),
  })
  .transform((value, ctx): AssignManyInput => {
    let shared: { clientIds: string[]; note: string | null } | undefined;
    const items: AssignItem[] = [];
    const seen = new Set<string>();
    value.items.forEach((raw, index) => {
      const parsed = assignSchema.safeParse({ ...raw, clientIds: value.clientIds, note: value.note });
      const issues = parsed.success ? [] : parsed.error.issues;
      for (const issue of issues) {
        const sharedField = issue.path[0] === "clientIds" || issue.path[0] === "note";
        if (sharedField && index > 0) continue;
        ctx.addIssue({ code: "custom", message: issue.message, path: sharedField ? issue.path : ["items", index, ...issue.path] });
      }
      const templateId = typeof raw.templateId === "string" ? raw.templateId : "";
      if (idField.safeParse(templateId).success && seen.has(templateId)) {
        ctx.addIssue({ code: "custom", message: "This exercise is already in the list.", path: ["items", index, "templateId"] });
      }
      seen.add(templateId);
      if (parsed.success) {
        const { clientIds, note, ...item } = parsed.data;
        shared ??= { clientIds, note };
        items.push(item);
      }
    });
    if (!shared || items.length !== value.items.length) return z.NEVER;
    return { ...shared, requestKey: value.requestKey, items };
  });
