// The active silences: what each matches, until when, why and who set it; operators may expire one.
import type { SilenceView } from "@/lib/domain/alert-view";
import { silenceScope } from "@/lib/domain/alert-view";
import { Until } from "../ui/since";
import { ExpireSilenceButton } from "./silence-forms";

/** Table of silences, soonest end first; the Expire button only for operators. */
export function SilencesList({ silences, canExpire }: { silences: SilenceView[]; canExpire: boolean }) {
  if (silences.length === 0) return <p className="text-sm text-slate-500">No active silences.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
        <tr><th className="py-2 pr-3">Matches</th><th className="py-2 pr-3">Ends</th><th className="py-2 pr-3">Reason</th><th className="py-2 pr-3">Created by</th><th className="py-2" /></tr>
      </thead>
      <tbody>
        {silences.map((s) => {
          const scope = silenceScope(s);
          return (
            <tr key={s.id} data-silence={s.id} className="border-b border-slate-100 align-top dark:border-slate-800/60">
              <td className="py-2 pr-3">{scope}</td>
              <td className="py-2 pr-3 text-xs whitespace-nowrap"><Until iso={s.endsAt} /></td>
              <td className="py-2 pr-3">{s.reason}</td>
              <td className="py-2 pr-3 text-xs">{s.createdBy}</td>
              <td className="py-2">{canExpire && <ExpireSilenceButton id={s.id} scope={scope} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
