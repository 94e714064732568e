import Link from "next/link";
import { Card } from "@/components/ui/card";

/** What an invitation, confirmation or reset link shows once it can no longer be used, and where to go instead. */
export function UnusableLink({ title, body, next }: { title: string; body: string; next: { href: string; label: string } }) {
  return (
    <Card>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-3 text-stone-700">{body}</p>
      <Link href={next.href} className="mt-6 inline-block font-semibold text-brand-700 underline underline-offset-2">
        {next.label}
      </Link>
    </Card>
  );
}
