"use client";
// The confirmation of one previewed operation: exact statements, warnings, the server's name, then the result.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type OperationState, runOperationAction } from "@/lib/actions/operations";
import type { PreviewResponse } from "@/lib/services/operations";
import { Button } from "../ui/button";

/** Shows the plan; runs it when the user confirms (typing the server's name when `typed`). */
export function ConfirmOperation({ serverId, op, preview, typed, onClose }: { serverId: string; op: object; preview: PreviewResponse; typed: boolean; onClose: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [result, setResult] = useState<OperationState | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setResult(await runOperationAction(serverId, op, { serverName: preview.serverName, statements: preview.plan.statements }));
      router.refresh();
    });
  return (
    <div role="dialog" aria-label={`Confirm: ${preview.operation}`} className="mt-3 space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p className="font-medium">{preview.plan.summary}</p>
      <div>
        <p className="text-xs uppercase text-slate-500">Statements, in this order, on {preview.serverName}</p>
        <pre tabIndex={0} data-testid="operation-statements" className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs dark:bg-slate-900">{preview.plan.statements.join(";\n")};</pre>
      </div>
      {preview.plan.warnings.map((w) => <p key={w} className="text-amber-900 dark:text-amber-200">⚠ {w}</p>)}
      {!result && (
        <div className="flex flex-wrap items-center gap-2">
          {typed && (
            <label className="flex items-center gap-2">Type <strong>{preview.serverName}</strong> to confirm
              <input aria-label="Server name" value={name} onChange={(e) => setName(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
            </label>
          )}
          <Button variant="danger" disabled={pending || (typed && name !== preview.serverName)} onClick={run}>
            {pending ? "Running…" : `${preview.operation[0].toUpperCase()}${preview.operation.slice(1)} on ${preview.serverName}`}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
        </div>
      )}
      {result?.ok && (
        <p role="status" className={result.settled ? "text-emerald-700 dark:text-emerald-300" : "text-amber-800 dark:text-amber-200"}>
          {result.settled ? "Done." : "Ran, but the server has not reached the expected state yet."} {preview.serverName} now: {result.after}
        </p>
      )}
      {result && !result.ok && <p role="alert" className="text-red-700 dark:text-red-400">{result.error}</p>}
      {result && <Button variant="secondary" onClick={onClose}>Close</Button>}
    </div>
  );
}
