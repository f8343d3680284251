"use server";
// Server actions for discovery: crawl from a seed, register the chosen finds.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type Discovered, type LeadNote, registerChoiceSchema } from "@/lib/domain/discovery";
import { crawl, registerDiscovered, type RegisterResult } from "@/lib/services/discovery";
import { callerOf, guard } from "@/lib/services/session";

/** What the discovery panel shows after a crawl. */
export interface CrawlState {
  servers?: Discovered[];
  notes?: LeadNote[];
  error?: string;
}

/** Crawls outwards from a registered server; `trySeedCredentials` also logs in to unregistered finds (audited). */
export async function discoverTopologyAction(seedId: string, trySeedCredentials = false): Promise<CrawlState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const id = z.string().min(1).safeParse(seedId);
  if (!id.success) return { error: "Choose a server to start from." };
  const r = await crawl(id.data, { trySeedCredentials: trySeedCredentials === true }, callerOf(g));
  return r.ok ? r.value : { error: r.error };
}

export type { RegisterResult };

/** Registers the chosen servers (found by a recent crawl) with the credentials the operator chose (the seed's, its
 *  password typed again, or others) and tests each. */
export async function registerDiscoveredAction(input: unknown): Promise<{ results?: RegisterResult; error?: string }> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const p = registerChoiceSchema.safeParse(input);
  if (!p.success) return { error: p.error.issues.map((i) => i.message).join("; ") };
  const r = await registerDiscovered(p.data.seedId, p.data.servers, p.data.credentials, callerOf(g));
  if (!r.ok) return { error: r.error };
  revalidatePath("/", "layout");
  return { results: r.value };
}
