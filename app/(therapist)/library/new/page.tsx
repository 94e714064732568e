import type { Metadata } from "next";
import Link from "next/link";
import { TemplateBuilder } from "@/components/library/template-builder";
import { requireStaff, TREATING_ROLES } from "@/lib/practice/access";

export const metadata: Metadata = { title: "Build an exercise" };

export default async function NewTemplatePage() {
  await requireStaff(TREATING_ROLES);
  return (
    <div className="space-y-6">
      <Link href="/library" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Library
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Build an exercise</h1>
        <p className="mt-1 text-stone-600">
          Add the questions your client will answer, in the order they should see them. It belongs to your practice once saved.
        </p>
      </div>
      <TemplateBuilder submitLabel="Save exercise" cancelHref="/library" />
    </div>
  );
}
