// Per-cluster failover settings in replscope's own database; the hook signing secret stays sealed here.
import "server-only";
import { type ClusterSetting, type ClusterSettingInput, defaultClusterSetting } from "@/lib/domain/failover/settings";
import { db } from "./db";
import { open, seal } from "./secret-box";

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["clusterSetting"]["findUnique"]>>>;

const reshape = (r: Row): ClusterSetting => ({
  cluster: r.cluster, fencing: r.fencing, autoFailover: r.autoFailover, autoDelaySeconds: r.autoDelaySeconds, cooldownSeconds: r.cooldownSeconds,
  hookUrls: JSON.parse(r.hookUrls) as string[], hasHookSecret: r.hookSecretEnc !== "",
});

/** A cluster's settings, or the defaults when none were saved (a server without cluster uses its own name). */
export async function clusterSetting(cluster: string): Promise<ClusterSetting> {
  const r = await db().clusterSetting.findUnique({ where: { cluster } });
  return r ? reshape(r) : defaultClusterSetting(cluster);
}

/** Every saved cluster's settings. */
export async function listClusterSettings(): Promise<ClusterSetting[]> {
  return (await db().clusterSetting.findMany({ orderBy: { cluster: "asc" } })).map(reshape);
}

/** Saves a cluster's settings; an absent or empty hook secret keeps the stored one. */
export async function saveClusterSetting(cluster: string, v: ClusterSettingInput): Promise<ClusterSetting> {
  const { hookSecret, hookUrls, ...rest } = v;
  const data = { ...rest, hookUrls: JSON.stringify(hookUrls), ...(hookSecret ? { hookSecretEnc: seal(hookSecret) } : {}) };
  return reshape(await db().clusterSetting.upsert({ where: { cluster }, create: { cluster, ...data }, update: data }));
}

/** The cluster's hook signing secret ("" when none). */
export async function hookSecret(cluster: string): Promise<string> {
  const r = await db().clusterSetting.findUnique({ where: { cluster } });
  return r?.hookSecretEnc ? open(r.hookSecretEnc) : "";
}
