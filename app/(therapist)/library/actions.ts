"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { createCustomTemplate, updateCustomTemplate, type SavedTemplate } from "@/lib/templates/save-template";
import { parseTemplateForm, templateIdSchema } from "@/lib/validations/templates";

export async function createTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  // The builder keeps what was typed in its own state, so failures echo no values.
  const parsed = parseTemplateForm(formValues(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  let saved: SavedTemplate;
  try {
    saved = await createCustomTemplate(scope, parsed.data);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/library");
  redirect(`/library/${saved.templateId}?saved=created`);
}

export async function updateTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const id = templateIdSchema.safeParse({ templateId: formData.get("templateId") });
  if (!id.success) return validationFailure(id.error);
  const parsed = parseTemplateForm(formValues(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  let saved: SavedTemplate;
  try {
    saved = await updateCustomTemplate(scope, id.data.templateId, parsed.data);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/library");
  revalidatePath(`/library/${saved.templateId}`);
  redirect(`/library/${saved.templateId}?saved=${saved.newVersion ? "new-version" : "updated"}`);
}

export async function duplicateTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const id = templateIdSchema.safeParse({ templateId: formData.get("templateId") });
  if (!id.success) return validationFailure(id.error);
  let saved: SavedTemplate;
  try {
    saved = await duplicateTemplate(scope, id.data.templateId);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/library");
  redirect(`/library/${saved.templateId}/edit?from=duplicate`);
}

export async function archiveTemplateAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const id = templateIdSchema.safeParse({ templateId: formData.get("templateId") });
  if (!id.success) return validationFailure(id.error);
  try {
    await archiveTemplate(scope, id.data.templateId);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/library");
  redirect("/library?archived=1");
}
