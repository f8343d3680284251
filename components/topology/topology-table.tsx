// The same graph as text: every replication link and every server, for screen readers and copy-paste.
import type { ClusterReport } from "@/lib/services/topology";
import { formatLag } from "@/lib/domain/format";
import { StateBadge } from "../status/state-badge";

/** Links first (source → replica), then the servers with their roles. */
export function TopologyTable({ nodes, edges }: Pick<ClusterReport, "nodes" | "edges">) {
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <table className="w-full text-left text-sm" aria-label="Replication links">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Source → replica</th><th>Channel</th><th>State</th><th>Lag</th></tr></thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.id} data-edge={`${name(e.from)}->${name(e.to)}`} data-state={e.state} data-semisync={e.semiSync} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{name(e.from)} → {name(e.to)}{e.error && <div className="text-xs text-red-700 dark:text-red-400">{e.error}</div>}</td>
              <td>{e.channel || "—"}{e.semiSync && <span className="ml-1 rounded bg-sky-100 px-1 text-xs text-sky-800 dark:bg-sky-900 dark:text-sky-200">semi-sync</span>}</td>
              <td><StateBadge state={e.state} /></td>
              <td>{formatLag(e.lagSeconds, null)}</td>
            </tr>
          ))}
          {edges.length === 0 && <tr><td colSpan={4} className="py-2 text-slate-500">No replication links.</td></tr>}
        </tbody>
      </table>
      <table className="w-full text-left text-sm" aria-label="Servers">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Server</th><th>Role</th><th>State</th><th>Problems</th></tr></thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id} data-node-row={n.name} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{n.name}{!n.registered && <span className="ml-1 text-xs text-slate-500">(not registered)</span>}<div className="font-mono text-xs text-slate-500">{n.host}:{n.port}</div></td>
              <td>{n.role}</td>
              <td><StateBadge state={n.state} /></td>
              <td className="text-xs">{n.problems.map((p) => p.code).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
