"use client";
// One cluster's failover settings: fencing, automatic mode (delay, cooldown), hook URLs and a write-only secret.
import { useActionState } from "react";
import { type ClusterSettingsFormState, updateClusterSettingsAction } from "@/lib/actions/cluster-settings";
import type { ClusterSetting } from "@/lib/domain/failover/settings";
import { Button } from "../ui/button";

const input = "rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/** The form of one cluster (admins only reach it); the stored secret is never sent to the browser. */
export function ClusterSettingsForm({ setting }: { setting: ClusterSetting }) {
  const [state, submit, pending] = useActionState<ClusterSettingsFormState, FormData>(updateClusterSettingsAction, {});
  const c = setting.cluster;
  return (
    <form action={submit} aria-label={`Failover settings of ${c}`} data-cluster={c} className="max-w-xl space-y-2 rounded-md border border-slate-200 p-4 text-sm dark:border-slate-800">
      <h2 className="font-semibold">{c}</h2>
      <input type="hidden" name="cluster" value={c} />
      <label className="flex items-center gap-2"><input type="checkbox" name="fencing" defaultChecked={setting.fencing} /> Fence a returned former source (read_only on)</label>
      <label className="flex items-center gap-2"><input type="checkbox" name="autoFailover" defaultChecked={setting.autoFailover} /> Automatic failover (GTID only)</label>
      <div className="flex gap-4">
        <label className="flex flex-col gap-1">Delay (s)<input name="autoDelaySeconds" type="number" min={10} max={3600} defaultValue={setting.autoDelaySeconds} className={input} /></label>
        <label className="flex flex-col gap-1">Cooldown (s)<input name="cooldownSeconds" type="number" min={60} defaultValue={setting.cooldownSeconds} className={input} /></label>
      </div>
      <label className="flex flex-col gap-1">Hook URLs (one a line)<textarea name="hookUrls" rows={2} defaultValue={setting.hookUrls.join("\n")} className={input} /></label>
      <label className="flex flex-col gap-1">
        <span>Hook signing secret <span className="text-slate-500">({setting.hasHookSecret ? "set; leave empty to keep it" : "not set"})</span></span>
        <input name="hookSecret" type="password" autoComplete="new-password" className={input} />
      </label>
      {state.error && <p role="alert" className="text-red-700 dark:text-red-400">{state.error}</p>}
      {state.done && <p role="status" className="text-emerald-700 dark:text-emerald-400">{state.done}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : `Save ${c}`}</Button>
    </form>
  );
}
