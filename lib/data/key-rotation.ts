// Re-seals every stored secret under a new key in one transaction, so a leaked or old key can be retired.
import "server-only";
import { db } from "./db";
import { open, seal } from "./secret-box";

/** What a rotation did: how many secrets were re-sealed, and which rows the old key could not open. */
export interface RotationResult {
  resealed: number;
  unreadable: string[];
}

type Sealed = { table: "server" | "bootstrapRun" | "switchoverRun" | "channelSecret" | "channelSmtp" | "clusterHook"; id: string; label: string; sealed: string; updatedAt?: Date };

/** Every sealed secret in replscope's database (empty ones — forgotten run passwords — are skipped). */
async function sealedSecrets(): Promise<Sealed[]> {
  const [servers, runs, switchovers, channels, clusters] = await Promise.all([
    db().server.findMany({ select: { id: true, name: true, passwordEnc: true, updatedAt: true } }),
    db().bootstrapRun.findMany({ select: { id: true, secretEnc: true } }),
    db().switchoverRun.findMany({ select: { id: true, secretEnc: true } }),
    db().alertChannel.findMany({ select: { id: true, name: true, secretEnc: true, smtpPasswordEnc: true, updatedAt: true } }),
    db().clusterSetting.findMany({ select: { cluster: true, hookSecretEnc: true, updatedAt: true } }),
  ]);
  return [
    ...servers.map((s) => ({ table: "server" as const, id: s.id, label: `server ${s.name}`, sealed: s.passwordEnc, updatedAt: s.updatedAt })),
    ...runs.map((r) => ({ table: "bootstrapRun" as const, id: r.id, label: `new-replica run ${r.id}`, sealed: r.secretEnc })),
    ...switchovers.map((r) => ({ table: "switchoverRun" as const, id: r.id, label: `switchover ${r.id}`, sealed: r.secretEnc })),
    ...channels.map((c) => ({ table: "channelSecret" as const, id: c.id, label: `alert channel ${c.name} (secret)`, sealed: c.secretEnc ?? "", updatedAt: c.updatedAt })),
    ...channels.map((c) => ({ table: "channelSmtp" as const, id: c.id, label: `alert channel ${c.name} (SMTP password)`, sealed: c.smtpPasswordEnc ?? "", updatedAt: c.updatedAt })),
    ...clusters.map((c) => ({ table: "clusterHook" as const, id: c.cluster, label: `cluster ${c.cluster} (hook secret)`, sealed: c.hookSecretEnc, updatedAt: c.updatedAt })),
  ].filter((s) => s.sealed !== "");
}

/** Opens every secret with `oldKey` and seals it with `newKey`; changes nothing when any secret does not open. */
export async function resealAll(oldKey: Buffer, newKey: Buffer): Promise<RotationResult> {
  const secrets = await sealedSecrets();
  const unreadable: string[] = [];
  const updates = secrets.flatMap((s) => {
    try {
      return [{ ...s, next: seal(open(s.sealed, oldKey), newKey) }];
    } catch {
      unreadable.push(s.label);
      return [];
    }
  });
  if (unreadable.length) return { resealed: 0, unreadable };
  await db().$transaction(updates.map(resealQuery));
  return { resealed: updates.length, unreadable };
}

/** The update that stores one re-sealed secret (keeping updatedAt where the row has one). */
function resealQuery(u: Sealed & { next: string }) {
  switch (u.table) {
    case "server":
      return db().server.update({ where: { id: u.id }, data: { passwordEnc: u.next, updatedAt: u.updatedAt } });
    case "bootstrapRun":
      return db().bootstrapRun.update({ where: { id: u.id }, data: { secretEnc: u.next } });
    case "switchoverRun":
      return db().switchoverRun.update({ where: { id: u.id }, data: { secretEnc: u.next } });
    case "channelSecret":
      return db().alertChannel.update({ where: { id: u.id }, data: { secretEnc: u.next, updatedAt: u.updatedAt } });
    case "channelSmtp":
      return db().alertChannel.update({ where: { id: u.id }, data: { smtpPasswordEnc: u.next, updatedAt: u.updatedAt } });
    case "clusterHook":
      return db().clusterSetting.update({ where: { cluster: u.id }, data: { hookSecretEnc: u.next, updatedAt: u.updatedAt } });
  }
}
