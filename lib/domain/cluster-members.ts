// The member table of a server's Galera cluster (every member's own view, side by side) for the server page (pure).
import { galeraGroups } from "./cluster-problems";
import type { HealthState } from "./health";
import type { ServerForProblems } from "./problems";

/** One member row: what that member reports of itself (null when it is not registered or never read). */
export interface GaleraMemberRow {
  address: string;
  name: string | null;
  registryId: string | null;
  state: HealthState | null;
  clusterStatus: string | null;
  localState: string | null;
  clusterSize: number | null;
  ready: boolean | null;
  desync: boolean | null;
  flowControlPaused: number | null;
  /** True when the viewed server counts this member in its own component (wsrep_incoming_addresses). */
  inView: boolean;
}

const key = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

/** The rows of the Galera cluster `id` belongs to (empty when it is not a member). */
export function galeraMemberRows(servers: ServerForProblems[], id: string): GaleraMemberRow[] {
  const group = galeraGroups(servers).find((g) => g.members.some((m) => m.id === id));
  const self = servers.find((s) => s.id === id)?.status?.galera;
  if (!group || !self) return [];
  const inView = new Set(self.incomingAddresses.map((a) => a.toLowerCase()));
  return group.addresses.map((address) => {
    const s = group.members.find((m) => key(m.host, m.port) === address);
    const g = s?.status?.galera;
    const live = s?.status && s.status.state !== "unreachable";
    return {
      address, name: s?.name ?? null, registryId: s?.id ?? null, state: s?.status?.state ?? null,
      clusterStatus: live && g ? g.clusterStatus : null, localState: live && g ? g.localState : null, clusterSize: live && g ? g.clusterSize : null,
      ready: live && g ? g.ready : null, desync: live && g ? g.desync : null, flowControlPaused: live && g ? g.flowControlPaused : null,
      inView: inView.has(address),
    };
  });
}
