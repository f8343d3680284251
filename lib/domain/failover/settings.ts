// Per-cluster failover settings (fencing, automatic mode, hooks) and the automatic-mode decision (pure).
import { z } from "zod";

/** A cluster's settings as the admin page and the API edit them (the hook secret is write-only). */
export const clusterSettingInput = z.object({
  fencing: z.boolean().default(true),
  autoFailover: z.boolean().default(false),
  autoDelaySeconds: z.coerce.number().int().min(10, "At least 10 s").max(3600).default(30),
  cooldownSeconds: z.coerce.number().int().min(60, "At least 60 s").max(7 * 86_400).default(3600),
  hookUrls: z.array(z.string().url("Enter an http(s) URL").regex(/^https?:\/\//i, "Only http(s) URLs")).max(5).default([]),
  /** A new signing secret; absent or empty keeps the stored one. */
  hookSecret: z.string().max(256).optional(),
});

/** Parsed settings input. */
export type ClusterSettingInput = z.infer<typeof clusterSettingInput>;

/** A cluster's stored settings (no secret). */
export interface ClusterSetting {
  cluster: string;
  fencing: boolean;
  autoFailover: boolean;
  autoDelaySeconds: number;
  cooldownSeconds: number;
  hookUrls: string[];
  hasHookSecret: boolean;
}

/** The defaults of a cluster nobody configured: fencing on, automatic mode off, 30 s delay, 1 h cooldown. */
export const defaultClusterSetting = (cluster: string): ClusterSetting => ({ cluster, fencing: true, autoFailover: false, autoDelaySeconds: 30, cooldownSeconds: 3600, hookUrls: [], hasHookSecret: false });

/** Whether automatic mode promotes now, or why it waits or refuses. */
export function autoDecision(s: ClusterSetting, i: { now: number; deadSince: number; lastAutoAt: number | null; gtid: boolean; readyCandidate: boolean }): { go: true } | { go: false; why: string } {
  if (!s.autoFailover) return { go: false, why: "automatic failover is off for this cluster" };
  if (!i.gtid) return { go: false, why: "automatic failover needs GTID on every replica" };
  if (!i.readyCandidate) return { go: false, why: "no candidate is ready" };
  if (i.now - i.deadSince < s.autoDelaySeconds) return { go: false, why: `dead for ${Math.round(i.now - i.deadSince)} s of ${s.autoDelaySeconds} s` };
  if (i.lastAutoAt !== null && i.now - i.lastAutoAt < s.cooldownSeconds) return { go: false, why: `an automatic failover ran ${Math.round(i.now - i.lastAutoAt)} s ago (cooldown ${s.cooldownSeconds} s)` };
  return { go: true };
}
