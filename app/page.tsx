// Overview for on-call: which server is lagging or broken, by how much, since when and why — grouped by cluster, live.
import Link from "next/link";
import { OverviewBoard } from "@/components/overview/overview-board";
import { PageHeader } from "@/components/ui/page-header";
import { parseFilter } from "@/lib/domain/overview/filter";
import { PAGE_ROWS } from "@/lib/domain/overview/page";
import { overviewStatus } from "@/lib/services/overview";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Server-renders the first page for the URL's filter (a shared link opens filtered): counts and the drawn rows only; then the board refreshes itself. */
export default async function OverviewPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = parseFilter({ get: (k) => { const v = sp[k]; return typeof v === "string" ? v : null; } });
  const initial = await overviewStatus({ filter, toggled: [], limit: PAGE_ROWS });
  return (
    <>
      <PageHeader title="Overview" subtitle={`${initial.total} server${initial.total === 1 ? "" : "s"} · grouped by cluster, worst first · refreshed every 2 s`} />
      {initial.total === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No servers yet. <Link href="/servers/new" className="text-sky-700 underline dark:text-sky-400">Register one</Link>, or run <code>npm run demo</code>.
        </p>
      ) : (
        <OverviewBoard initial={initial} initialFilter={filter} />
      )}
    </>
  );
}
