import Link from "next/link";
import { cn } from "@/components/ui/cn";

const links = [
  { key: "members", href: "/practice/members", label: "Members" },
  { key: "settings", href: "/practice/settings", label: "Settings" },
  { key: "crisis-lines", href: "/practice/crisis-lines", label: "Crisis lines" },
] as const;

/** Tabs between the owner's practice pages. */
export function PracticeNav({ current }: { current: (typeof links)[number]["key"] }) {
  return (
    <nav aria-label="Practice" className="mt-3 flex flex-wrap gap-2">
      {links.map((link) => (
        <Link
          key={link.key}
          href={link.href}
          aria-current={link.key === current ? "page" : undefined}
          className={cn(
            "inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium",
            link.key === current ? "bg-brand-50 text-brand-900" : "text-stone-700 hover:bg-stone-100",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
