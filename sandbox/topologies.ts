// Ready-made shapes for tests and the demo: chains and master-master pairs.
import type { Sandbox } from "./instance";
import { wireReplication } from "./replication";

/** Wires s[0] → s[1] → s[2] → … (each a replica of the previous one). */
export async function wireChain(servers: Sandbox[]): Promise<void> {
  for (let i = 1; i < servers.length; i++) await wireReplication(servers[i - 1], servers[i]);
}

/** Two sources replicating from each other, with auto-increment settings that cannot collide (2 / 1 and 2 / 2). */
export async function wireMasterMaster(a: Sandbox, b: Sandbox): Promise<void> {
  await a.query("SET GLOBAL auto_increment_increment=2, auto_increment_offset=1");
  await b.query("SET GLOBAL auto_increment_increment=2, auto_increment_offset=2");
  await wireReplication(a, b);
  await wireReplication(b, a, { skipCopy: true });
}
