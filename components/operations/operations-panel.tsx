"use client";
// Replication operations on a server's page: pick one, preview its exact statements, confirm by name.
import Link from "next/link";
import { useState } from "react";
import type { AvailableOperations } from "@/lib/domain/operations/available";
import type { PreviewResponse } from "@/lib/services/operations";
import { fetchPreview } from "@/lib/swr/preview";
import { Button } from "../ui/button";
import { ConfirmOperation } from "./confirm-operation";

type Op =
  | { kind: "start" | "stop"; threads: "both" | "io" | "sql"; channel?: string }
  | { kind: "skip"; channel?: string }
  | { kind: "read_only"; on: boolean }
  | { kind: "repoint"; targetId: string; channel?: string };

/** The server and the operations to offer (lib/domain/operations/available decides which). */
export interface OperationsPanelProps {
  serverId: string;
  available: AvailableOperations;
}

const query = (op: Op) => new URLSearchParams(Object.entries(op).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

/** Buttons for each operation; a preview (or the refusal) opens below them. */
export function OperationsPanel({ serverId, available }: OperationsPanelProps) {
  const { startStop: replicates, skip: broken, readOnly, channels, repointTargets: targets } = available;
  const switchoverHref = available.switchover ? `/servers/${serverId}/switchover` : undefined;
  const [threads, setThreads] = useState<"both" | "io" | "sql">("both");
  const [channel, setChannel] = useState(channels[0]);
  const on = channels.length ? { channel } : {};
  const [target, setTarget] = useState(targets[0]?.id ?? "");
  const [open, setOpen] = useState<{ op: Op; preview: PreviewResponse } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const preview = async (op: Op) => {
    setLoading(true);
    setOpen(null);
    setRefusal(null);
    try {
      const r = await fetchPreview(serverId, query(op));
      if (r.ok) setOpen({ op, preview: r.preview });
      else setRefusal(r.error);
    } catch (e) {
      setRefusal((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  return (
    <section aria-label="Replication operations" className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="mb-3 text-sm font-semibold uppercase text-slate-500">Operations</h2>
      <div className="flex flex-wrap items-center gap-2">
        {replicates && (
          <>
            {channels.length > 0 && (
              <select aria-label="Channel" value={channel} onChange={(e) => setChannel(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
                {channels.map((c) => <option key={c} value={c}>channel {c || "(default)"}</option>)}
              </select>
            )}
            <select aria-label="Threads" value={threads} onChange={(e) => setThreads(e.target.value as typeof threads)} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
              <option value="both">both threads</option><option value="io">IO thread only</option><option value="sql">SQL thread only</option>
            </select>
            <Button variant="secondary" disabled={loading} onClick={() => void preview({ kind: "stop", threads, ...on })}>Stop replication…</Button>
            <Button variant="secondary" disabled={loading} onClick={() => void preview({ kind: "start", threads, ...on })}>Start replication…</Button>
            {broken && <Button variant="secondary" disabled={loading} onClick={() => void preview({ kind: "skip", ...on })}>Skip failing transaction…</Button>}
          </>
        )}
        <Button variant="secondary" disabled={loading} onClick={() => void preview({ kind: "read_only", on: !readOnly })}>{readOnly ? "Make writable…" : "Make read-only…"}</Button>
        {replicates && targets.length > 0 && (
          <span className="flex items-center gap-2">
            <select aria-label="Repoint to" value={target} onChange={(e) => setTarget(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
              {targets.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
            <Button variant="secondary" disabled={loading || !target} onClick={() => void preview({ kind: "repoint", targetId: target, ...on })}>Repoint…</Button>
          </span>
        )}
        {switchoverHref && <Link href={switchoverHref} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Planned switchover…</Link>}
      </div>
      {refusal && <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">Refused: {refusal}</p>}
      {open && <ConfirmOperation key={JSON.stringify(open.op)} serverId={serverId} op={open.op} preview={open.preview} typed={open.op.kind !== "start" && open.op.kind !== "stop"} onClose={() => setOpen(null)} />}
    </section>
  );
}
