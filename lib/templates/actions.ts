"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { therapistAction, type Parser } from "@/lib/actions/define-action";
import { actionEventContext } from "@/lib/audit/request-context";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { parseTemplateForm, templateIdSchema } from "@/lib/validations/templates";
import { archiveTemplate } from "./archive-template";
import { duplicateTemplate } from "./duplicate-template";
import { createCustomTemplate, updateCustomTemplate } from "./save-template";
import { setTemplateSharing } from "./share-template";

// The builder keeps what was typed in its own state, so failures echo no values.

type TemplateForm = NonNullable<ReturnType<typeof parseTemplateForm>["data"]>;

/** The builder's form, with the error map its preview uses too. */
const templateForm: Parser<TemplateForm> = { safeParse: (input) => parseTemplateForm(input as Record<string, string>) };

/** Which template, then its new content: the id is checked first, as the builder expects. */
const templateUpdate: Parser<{ templateId: string; template: TemplateForm }> = {
  safeParse: (input) => {
    const { id, values } = input as { id: unknown; values: Record<string, string> };
    const which = templateIdSchema.safeParse(id);
    if (!which.success) return which;
    const form = parseTemplateForm(values);
    if (!form.success) return form;
    return { success: true, data: { templateId: which.data.templateId, template: form.data } };
  },
};

const byTemplateId = (formData: FormData) => ({ templateId: formData.get("templateId") });

export async function createTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return create(formData);
}

const create = therapistAction(
  templateForm,
  async ({ scope }, template): Promise<ActionResult> => {
    const saved = await createCustomTemplate(scope, template);
    revalidatePath("/library");
    redirect(`/library/${saved.templateId}?saved=created`);
  },
  { input: formValues },
);

export async function updateTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return update(formData);
}

const update = therapistAction(
  templateUpdate,
  async ({ scope }, { templateId, template }): Promise<ActionResult> => {
    const saved = await updateCustomTemplate(scope, templateId, template);
    revalidatePath("/library");
    revalidatePath(`/library/${saved.templateId}`);
    redirect(`/library/${saved.templateId}?saved=${saved.newVersion ? "new-version" : "updated"}`);
  },
  { input: (formData) => ({ id: byTemplateId(formData), values: formValues(formData) }) },
);

export async function duplicateTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return duplicate(formData);
}

const duplicate = therapistAction(
  templateIdSchema,
  async ({ scope }, { templateId }): Promise<ActionResult> => {
    const saved = await duplicateTemplate(scope, templateId);
    revalidatePath("/library");
    redirect(`/library/${saved.templateId}/edit?from=duplicate`);
  },
  { input: byTemplateId },
);

export async function archiveTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return archive(formData);
}

const archive = therapistAction(
  templateIdSchema,
  async ({ scope }, { templateId }): Promise<ActionResult> => {
    await archiveTemplate(scope, templateId);
    revalidatePath("/library");
    redirect("/library?archived=1");
  },
  { input: byTemplateId },
);

export async function shareTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return share(formData);
}

const shareSchema = templateIdSchema.extend({ shared: z.enum(["true", "false"]).transform((value) => value === "true") });

const share = therapistAction(
  shareSchema,
  async ({ scope }, { templateId, shared }): Promise<ActionResult> => {
    const { address } = await actionEventContext();
    await setTemplateSharing(scope, templateId, shared, address);
    revalidatePath("/library");
    revalidatePath(`/library/${templateId}`);
    return {
      ok: true,
      message: shared ? "Shared: every clinician of your practice can now see and assign it." : "Back to your drafts: only you can see it.",
    };
  },
  { input: (formData) => ({ templateId: formData.get("templateId"), shared: formData.get("shared") }) },
);
