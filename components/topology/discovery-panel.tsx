"use client";
// Runs a crawl, lists every find with how it was found (or why not), and registers the chosen ones in one step.
import { useState, useTransition } from "react";
import { type CrawlState, discoverTopologyAction, type RegisterResult, registerDiscoveredAction } from "@/lib/actions/discovery";
import { Button } from "../ui/button";

/** Seed choice, crawl results with checkboxes and names, credentials, register. */
export function DiscoveryPanel({ servers, initialSeed }: { servers: { id: string; name: string }[]; initialSeed: string }) {
  const [seed, setSeed] = useState(initialSeed);
  const [crawlState, setCrawl] = useState<CrawlState>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [trySeed, setTrySeed] = useState(false);
  const [creds, setCreds] = useState<{ use: "" | "seed" | "other"; user: string; password: string; seedPassword: string }>({ use: "", user: "", password: "", seedPassword: "" });
  const [results, setResults] = useState<{ results?: RegisterResult; error?: string }>({});
  const [pending, start] = useTransition();
  const key = (d: { host: string; port: number }) => `${d.host}:${d.port}`;
  const run = () => start(async () => {
    setResults({});
    setChosen({});
    setCrawl(await discoverTopologyAction(seed, trySeed));
  });
  const register = () => start(async () => {
    const picked = (crawlState.servers ?? []).filter((d) => key(d) in chosen).map((d) => ({ name: chosen[key(d)], host: d.host, port: d.port }));
    const credentials = creds.use === "seed" ? { use: "seed", password: creds.seedPassword } : creds.use === "other" ? { use: "other", user: creds.user, password: creds.password } : undefined;
    setResults(await registerDiscoveredAction({ seedId: seed, servers: picked, credentials }));
  });
  return (
    <div className="space-y-4">
      <div className="flex items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">Start from
          <select value={seed} onChange={(e) => setSeed(e.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
            {servers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <Button type="button" onClick={run} disabled={pending || !seed}>{pending ? "Working…" : "Discover"}</Button>
      </div>
      <div className="text-sm">
        <label className="flex items-center gap-2"><input type="checkbox" checked={trySeed} onChange={(e) => setTrySeed(e.target.checked)} /> Try the seed&apos;s credentials on servers not yet registered</label>
        <p className="ml-6 text-xs text-slate-500">Off: registered servers are read with their own credentials; a server nobody registered is listed but not contacted (a server can name any host as its source or replica). On: its password is sent to those hosts too; the audit trail records that it was on.</p>
      </div>
      {crawlState.error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{crawlState.error}</p>}
      {crawlState.servers && (
        <table className="w-full text-left text-sm" aria-label="Discovered servers">
          <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Register</th><th>Server</th><th>Found via</th><th>Status</th></tr></thead>
          <tbody>
            {crawlState.servers.map((d) => (
              <tr key={key(d)} data-found={key(d)} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1">
                  {d.registeredAs ? <span className="text-xs text-slate-500">registered as {d.registeredAs}</span> : (
                    <span className="flex items-center gap-2">
                      <input type="checkbox" aria-label={`Register ${key(d)}`} checked={key(d) in chosen} onChange={(e) => setChosen((c) => {
                        const next = { ...c };
                        if (e.target.checked) next[key(d)] = key(d);
                        else delete next[key(d)];
                        return next;
                      })} />
                      {key(d) in chosen && <input aria-label={`Name for ${key(d)}`} value={chosen[key(d)]} onChange={(e) => setChosen((c) => ({ ...c, [key(d)]: e.target.value }))} className="w-40 rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900" />}
                    </span>
                  )}
                </td>
                <td className="font-mono text-xs">{key(d)}{d.serverId !== null && <div className="text-slate-500">server_id {d.serverId} · {d.flavor} {d.version}</div>}</td>
                <td className="text-xs">{d.foundVia.join("; ")}</td>
                <td className="text-xs">{d.reachable ? "reachable" : <span className={d.contacted ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>{d.reason}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {crawlState.notes && crawlState.notes.length > 0 && <ul className="text-xs text-amber-800 dark:text-amber-300">{crawlState.notes.map((n, i) => <li key={i}>{n.via}: {n.reason}</li>)}</ul>}
      {Object.keys(chosen).length > 0 && (
        <div className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="sr-only">Credentials for the new servers</legend>
            <label className="flex items-center gap-2"><input type="radio" name="discovery-credentials" checked={creds.use === "seed"} onChange={() => setCreds({ ...creds, use: "seed" })} /> Use the seed&apos;s credentials</label>
            <label className="flex items-center gap-2"><input type="radio" name="discovery-credentials" checked={creds.use === "other"} onChange={() => setCreds({ ...creds, use: "other" })} /> Use other credentials</label>
          </fieldset>
          {creds.use === "seed" && <input aria-label="Seed's password" type="password" placeholder="the seed's password" autoComplete="off" value={creds.seedPassword} onChange={(e) => setCreds({ ...creds, seedPassword: e.target.value })} className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900" />}
          {creds.use === "seed" && <p className="w-full text-xs text-slate-500">Type the seed&apos;s password: it will be sent to the new servers, so replscope asks for it as it does when a server&apos;s host changes.</p>}
          {creds.use === "other" && <input aria-label="User" placeholder="user" value={creds.user} onChange={(e) => setCreds({ ...creds, user: e.target.value })} className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900" />}
          {creds.use === "other" && <input aria-label="Password" type="password" placeholder="password" value={creds.password} onChange={(e) => setCreds({ ...creds, password: e.target.value })} className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900" />}
          <Button type="button" onClick={register} disabled={pending}>Register {Object.keys(chosen).length} server{Object.keys(chosen).length === 1 ? "" : "s"}</Button>
        </div>
      )}
      {results.error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{results.error}</p>}
      {results.results && <ul role="status" className="text-sm">{results.results.map((r) => <li key={r.name}>{r.name}: {r.ok ? `registered (connection ${r.status})` : r.error}</li>)}</ul>}
    </div>
  );
}
