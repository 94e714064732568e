import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "./logo";

export type NavItem = { href: string; label: string; badge?: string; badgeLabel?: string };

/**
 * On a phone the links wrap onto a row of their own under the logo (every
 * one on screen, none scrolled off the edge, each a 44 px target); from the
 * sm breakpoint they sit beside the logo. Plain links and CSS: no script.
 */
export function AppHeader({ home, nav, person }: { home: string; nav: NavItem[]; person: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href={home} className="py-2 text-lg" aria-label="Trellis home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <ul className="-mx-2 flex flex-wrap gap-x-1 gap-y-0.5 sm:mx-0">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2.5 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900 sm:px-3"
                >
                  {item.label}
                  {item.badge ? (
                    <span className="rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white" aria-label={item.badgeLabel}>
                      {item.badge}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <span className="hidden truncate text-sm text-stone-600 md:inline">{person}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
