"use server";
// Server actions for the per-cluster failover settings (admin): fencing, automatic mode, hook URLs and secret.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clusterSettingsFromForm } from "@/lib/domain/failover/settings-form";
import { updateSetting } from "@/lib/services/failover/settings";
import { callerOf, guard } from "@/lib/services/session";

/** What the cluster settings form shows after submitting. */
export interface ClusterSettingsFormState {
  error?: string;
  done?: string;
}

const clusterName = z.string().trim().min(1).max(100);

/** Admin: saves one cluster's failover settings (zod-validated in the service; an empty secret keeps the stored one). */
export async function updateClusterSettingsAction(_prev: ClusterSettingsFormState, form: FormData): Promise<ClusterSettingsFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const cluster = clusterName.safeParse(form.get("cluster"));
  if (!cluster.success) return { error: "Unknown cluster." };
  const r = await updateSetting(cluster.data, clusterSettingsFromForm(form), callerOf(g));
  if (!r.ok) return { error: r.error };
  revalidatePath("/settings/clusters");
  return { done: `Saved the failover settings of ${r.value.cluster}.` };
}
