// Top navigation: the product's areas, who is signed in, and the theme switch; on phones the links sit behind a menu button.
import Link from "next/link";
import { allows, type Principal } from "@/lib/domain/auth";
import { GlanceState } from "./glance-state";
import { NavLinks } from "./nav-links";
import { NavMenu } from "./nav-menu";
import { ThemeToggle } from "./theme-toggle";

/** The header bar shown on every page, for the signed-in principal (null: signed out, links hidden). */
export function Nav({ me }: { me: Principal | null }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          repl<span className="text-sky-700 dark:text-sky-400">scope</span>
        </Link>
        {me ? (
          <NavMenu>
            <GlanceState />
            <NavLinks />
            <div className="flex flex-wrap items-center gap-3 text-sm md:ml-auto">
              {allows(me.role, "admin") && <Link href="/settings" className="text-slate-600 hover:underline dark:text-slate-400">Settings</Link>}
              {me.kind === "user" ? (
                <Link href="/account" data-testid="signed-in" title="Your account" className="text-slate-600 hover:underline dark:text-slate-400">{me.name} ({me.role})</Link>
              ) : (
                <span data-testid="signed-in" className="text-slate-600 dark:text-slate-400">{me.name} ({me.role})</span>
              )}
              {me.kind === "user" && <form action="/logout" method="post"><button className="rounded-md border border-slate-300 px-2.5 py-1 dark:border-slate-700">Sign out</button></form>}
              <ThemeToggle />
            </div>
          </NavMenu>
        ) : (
          <div className="ml-auto"><ThemeToggle /></div>
        )}
      </div>
    </header>
  );
}
