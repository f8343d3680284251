// Per-cluster failover settings for the admin page and the API (admin only; the hook secret is never returned).
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import { clusterSetting, listClusterSettings, saveClusterSetting } from "@/lib/data/cluster-settings";
import { listServers } from "@/lib/data/servers";
import { type ClusterSetting, clusterSettingInput } from "@/lib/domain/failover/settings";
import type { Caller } from "../live-server";
import type { Outcome } from "../servers";

/** Every saved cluster's settings. */
export const listSettings = listClusterSettings;

/** Every cluster of the registry (a server without cluster is its own) and every saved one, with its settings. */
export async function clusterSettingsPage(): Promise<ClusterSetting[]> {
  const names = new Set((await listServers()).map((s) => s.cluster ?? s.name));
  for (const s of await listClusterSettings()) names.add(s.cluster);
  return Promise.all([...names].sort().map(clusterSetting));
}

/** One cluster's settings (defaults when never saved). */
export async function getSetting(cluster: string): Promise<Outcome<ClusterSetting>> {
  return { ok: true, value: await clusterSetting(cluster) };
}

/** Validates and saves a cluster's settings, audited (the secret masked). */
export async function updateSetting(cluster: string, raw: unknown, caller: Caller): Promise<Outcome<ClusterSetting>> {
  const p = clusterSettingInput.safeParse(raw);
  if (!p.success || !cluster.trim() || cluster.length > 100) {
    const error = p.success ? "Cluster name required (at most 100 characters)." : p.error.issues[0].message;
    return { ok: false, status: 400, error };
  }
  const saved = await saveClusterSetting(cluster, p.data);
  await recordMutation({ ...caller, action: "cluster.settings", what: `failover settings of cluster ${cluster}: fencing ${saved.fencing ? "on" : "off"}, automatic ${saved.autoFailover ? `on (${saved.autoDelaySeconds} s, cooldown ${saved.cooldownSeconds} s)` : "off"}, ${saved.hookUrls.length} hook(s)`, secrets: [p.data.hookSecret ?? ""] });
  return { ok: true, value: saved };
}
