import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "./logo";

export type NavItem = { href: string; label: string; badge?: string; badgeLabel?: string };

export function AppHeader({ home, nav, person }: { home: string; nav: NavItem[]; person: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href={home} className="py-2 text-lg" aria-label="Trellis home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="order-3 -mx-2 flex w-[calc(100%+1rem)] gap-1 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
          {nav.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="inline-flex shrink-0 items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900"
            >
              {item.label}
              {item.badge ? (
                <span className="rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white" aria-label={item.badgeLabel}>
                  {item.badge}
                </span>
              ) : null}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-sm text-stone-600 sm:inline">{person}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
