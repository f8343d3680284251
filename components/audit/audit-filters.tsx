// The audit page's filter form (a plain GET form: filters live in the URL, so a filtered view can be shared).
import type { ServerRecord } from "@/lib/data/servers";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
type Query = Record<string, string | undefined>;

/** Server, user, kind, action prefix and a date range. */
export function AuditFilters({ q, servers, actors }: { q: Query; servers: ServerRecord[]; actors: string[] }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Audit filters">
      <label className="flex flex-col gap-1">Server
        <select name="server" defaultValue={q.server ?? ""} className={field}>
          <option value="">all</option>
          {servers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">User
        <select name="actor" defaultValue={q.actor ?? ""} className={field}>
          <option value="">all</option>
          {actors.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">Kind
        <select name="kind" defaultValue={q.kind ?? ""} className={field}>
          <option value="">all</option><option value="mutation">changes in replscope</option><option value="statement">statements on servers</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">Action starts with<input name="action" defaultValue={q.action ?? ""} className={field} /></label>
      <label className="flex flex-col gap-1">Since<input name="since" type="date" defaultValue={q.since ?? ""} className={field} /></label>
      <label className="flex flex-col gap-1">Until<input name="until" type="date" defaultValue={q.until ?? ""} className={field} /></label>
      <button className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-700">Filter</button>
    </form>
  );
}
