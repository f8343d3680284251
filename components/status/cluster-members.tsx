"use client";
// The member table of a server's Galera cluster (each member as it reports itself) and of its replication group.
import Link from "next/link";
import type { GaleraMemberRow } from "@/lib/domain/cluster-members";
import type { GroupState } from "@/lib/domain/group-replication";
import { StateBadge } from "./state-badge";

const yn = (b: boolean | null) => (b === null ? "—" : b ? "ON" : "OFF");
const cell = "py-1 pr-3";

/** Galera members: address, registration, health, component status, local state, size, ready, desync, flow control. */
export function GaleraMembers({ rows, clusterName }: { rows: GaleraMemberRow[]; clusterName: string | null }) {
  if (!rows.length) return null;
  return (
    <div className="border-t border-slate-100 pt-3 dark:border-slate-800">
      <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">Galera cluster {clusterName ?? ""} — members</h3>
      <table aria-label="Galera members" className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr><th className={cell}>Member</th><th className={cell}>Health</th><th className={cell}>Component</th><th className={cell}>Local state</th><th className={cell}>Size</th><th className={cell}>Ready</th><th className={cell}>Desync</th><th className={cell}>Flow control</th><th className={cell}>In this node&apos;s view</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.address} data-member={r.address} className="border-t border-slate-100 dark:border-slate-800">
              <td className={cell}>{r.registryId ? <Link className="underline" href={`/servers/${r.registryId}`}>{r.name}</Link> : <span className="text-slate-500">not registered</span>} <span className="font-mono text-xs">{r.address}</span></td>
              <td className={cell}>{r.state ? <StateBadge state={r.state} /> : "—"}</td>
              <td className={cell} data-field="component">{r.clusterStatus ?? "—"}</td>
              <td className={cell} data-field="local-state">{r.localState ?? "—"}</td>
              <td className={cell}>{r.clusterSize ?? "—"}</td>
              <td className={cell}>{yn(r.ready)}</td>
              <td className={cell}>{yn(r.desync)}</td>
              <td className={cell}>{r.flowControlPaused === null ? "—" : `${(r.flowControlPaused * 100).toFixed(1)} %`}</td>
              <td className={cell} data-field="in-view">{r.inView ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Group Replication members as this server sees them: state, role (primary marked), queues, conflicts. */
export function GroupMembers({ group }: { group: GroupState | null }) {
  if (!group) return null;
  return (
    <div className="border-t border-slate-100 pt-3 dark:border-slate-800">
      <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">Group Replication {group.groupName ?? ""} — members</h3>
      <table aria-label="Group members" className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr><th className={cell}>Member</th><th className={cell}>State</th><th className={cell}>Role</th><th className={cell}>Version</th><th className={cell}>Applier queue</th><th className={cell}>Certification queue</th><th className={cell}>Conflicts</th></tr>
        </thead>
        <tbody>
          {group.members.map((m) => (
            <tr key={m.memberId} data-member={`${m.host}:${m.port}`} className="border-t border-slate-100 dark:border-slate-800">
              <td className={cell}><span className="font-mono text-xs">{m.host}:{m.port}</span>{m.memberId === group.localMemberId ? " (this server)" : ""}</td>
              <td className={cell}>{m.state}</td>
              <td className={cell}>{m.role === "PRIMARY" ? "★ PRIMARY" : m.role || "—"}</td>
              <td className={cell}>{m.version || "—"}</td>
              <td className={cell}>{m.applierQueue ?? "—"}</td>
              <td className={cell}>{m.certifyQueue ?? "—"}</td>
              <td className={cell}>{m.conflicts ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
