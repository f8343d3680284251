// What discovery crawls found, per seed, shared by every instance: a registration from a seed accepts only hosts a
// recent crawl from that seed found, whichever instance ran the crawl. Times come from the database's clock.
import "server-only";
import { db } from "./db";
import { dbNowMs } from "./leadership";

/** Replaces what the last crawl from `seedId` found (host:port keys), valid for `ttlMs`; forgets expired crawls. */
export async function saveCrawlFinds(seedId: string, hosts: string[], ttlMs: number): Promise<void> {
  const now = await dbNowMs();
  const data = { hosts: JSON.stringify(hosts), expiresAt: now + ttlMs };
  await db().crawlFind.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().crawlFind.upsert({ where: { seedId }, create: { seedId, ...data }, update: data });
}

/** The host:port keys a crawl from `seedId` found and that may still be registered (empty when none or expired). */
export async function recentCrawlFinds(seedId: string): Promise<Set<string>> {
  const [row, now] = await Promise.all([db().crawlFind.findUnique({ where: { seedId } }), dbNowMs()]);
  return new Set(row && row.expiresAt > now ? (JSON.parse(row.hosts) as string[]) : []);
}
