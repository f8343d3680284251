// Each candidate of a switchover or a failover: readiness and the checks behind it (✓ passed, ✗ blocks, ! costs
// points only); the failover adds the promotion rule and how advanced each is (executed / retrieved).
import type { ReadinessCheck } from "@/lib/domain/switchover/readiness";

/** A candidate as either kind's page lists it (the failover's carry rule and GTIDs). */
export interface ReadinessRow {
  candidateId: string;
  candidateName: string;
  score: number;
  ready: boolean;
  checks: ReadinessCheck[];
  rule?: string;
  executedGtid?: string;
  retrievedGtid?: string;
}

/** The columns between the candidate and its checks, by kind. */
const MIDDLE = {
  switchover: { heads: ["Score"], cells: (c: ReadinessRow) => <td className="py-2" data-col="score">{c.score}/100</td> },
  failover: {
    heads: ["Rule", "Executed / retrieved"],
    cells: (c: ReadinessRow) => <><td className="py-2">{c.rule}</td><td className="py-2 font-mono text-xs">{c.executedGtid || "—"}<br />{c.retrievedGtid || "—"}</td></>,
  },
};

/** The check list of one candidate. */
function Checks({ checks }: { checks: ReadinessCheck[] }) {
  return (
    <ul className="space-y-0.5">
      {checks.map((k) => (
        <li key={k.id} data-check={k.id} data-ok={k.ok} className={k.ok ? "" : k.blocking ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-200"}>
          {k.ok ? "✓" : k.blocking ? "✗" : "!"} {k.label}: <span className="text-slate-500">{k.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** One row per candidate, best first; the failover shows the score beside the readiness, the switchover in its own column. */
export function ReadinessTable({ kind, candidates }: { kind: "switchover" | "failover"; candidates: ReadinessRow[] }) {
  const middle = MIDDLE[kind];
  return (
    <table className="w-full text-left text-sm" aria-label="Candidates">
      <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Candidate</th>{middle.heads.map((h) => <th key={h}>{h}</th>)}<th>Checks</th></tr></thead>
      <tbody>
        {candidates.map((c) => (
          <tr key={c.candidateId} data-candidate={c.candidateName} data-ready={c.ready} className="border-t border-slate-100 align-top dark:border-slate-800">
            <td className="py-2 font-medium">{c.candidateName}<div className={c.ready ? "text-xs text-emerald-700 dark:text-emerald-400" : "text-xs text-red-700 dark:text-red-400"}>{c.ready ? "ready" : "not ready"}{kind === "failover" && ` · ${c.score}/100`}</div></td>
            {middle.cells(c)}
            <td className="py-2"><Checks checks={c.checks} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
