// The registry as a table: name, address, detected version, last connection test.
import Link from "next/link";
import type { ServerRecord } from "@/lib/data/servers";
import { versionLabel } from "@/lib/domain/dialect/version";
import { CheckBadge } from "./check-badge";
import { RelativeTime } from "../ui/relative-time";

/** Lists servers; each row links to the server's page. */
export function ServerTable({ servers }: { servers: ServerRecord[] }) {
  if (servers.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
        No servers registered yet. <Link href="/servers/new" className="text-sky-700 underline dark:text-sky-400">Add the first one</Link>.
      </p>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
        <tr>
          <th className="py-2 pr-3">Name</th>
          <th className="py-2 pr-3">Address</th>
          <th className="py-2 pr-3">Version</th>
          <th className="py-2 pr-3">Cluster</th>
          <th className="py-2 pr-3">Connection</th>
          <th className="py-2">Checked</th>
        </tr>
      </thead>
      <tbody>
        {servers.map((s) => (
          <tr key={s.id} data-server={s.name} className="border-b border-slate-100 dark:border-slate-800/60">
            <td className="py-2 pr-3 font-medium">
              <Link href={`/servers/${s.id}`} className="hover:underline">{s.name}</Link>
            </td>
            <td className="py-2 pr-3 font-mono text-xs">{s.host}:{s.port}</td>
            <td className="py-2 pr-3" data-col="version">{versionLabel(s.flavor, s.version)}</td>
            <td className="py-2 pr-3">{s.cluster ?? "—"}</td>
            <td className="py-2 pr-3"><CheckBadge status={s.lastCheck?.status} title={s.lastCheck?.detail} /></td>
            <td className="py-2 text-xs text-slate-500">{s.lastCheck ? <RelativeTime iso={s.lastCheck.at} /> : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
