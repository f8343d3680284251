// Each failover candidate: readiness checks, promotion rule and how advanced it is (executed / retrieved).
import type { FailoverView } from "@/lib/services/failover";

/** One row per candidate, best first. */
export function CandidateTable({ candidates }: { candidates: FailoverView["candidates"] }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Candidates">
      <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Candidate</th><th>Rule</th><th>Executed / retrieved</th><th>Checks</th></tr></thead>
      <tbody>
        {candidates.map((c) => (
          <tr key={c.candidateId} data-candidate={c.candidateName} data-ready={c.ready} className="border-t border-slate-100 align-top dark:border-slate-800">
            <td className="py-2 font-medium">{c.candidateName}<div className={c.ready ? "text-xs text-emerald-700 dark:text-emerald-400" : "text-xs text-red-700 dark:text-red-400"}>{c.ready ? "ready" : "not ready"} · {c.score}/100</div></td>
            <td className="py-2">{c.rule}</td>
            <td className="py-2 font-mono text-xs">{c.executedGtid || "—"}<br />{c.retrievedGtid || "—"}</td>
            <td className="py-2">
              <ul className="space-y-0.5">
                {c.checks.map((k) => (
                  <li key={k.id} data-check={k.id} data-ok={k.ok} className={k.ok ? "" : k.blocking ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-200"}>
                    {k.ok ? "✓" : k.blocking ? "✗" : "!"} {k.label}: <span className="text-slate-500">{k.detail}</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
