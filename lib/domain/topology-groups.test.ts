import { describe, expect, it } from "vitest";
import { galeraMemberRows } from "./cluster-members";
import type { GaleraState } from "./galera";
import { groupBox, layoutCluster, NODE_SIZE } from "./graph-layout";
import type { ServerStatus } from "./server-status";
import { buildClusters, type GraphServer } from "./topology";

const galera = (o: Partial<GaleraState> = {}): GaleraState => ({
  clusterName: "prod", nodeName: null, clusterSize: 3, clusterStatus: "Primary", primary: true, localState: "Synced", ready: true, connected: true,
  flowControlPaused: 0, recvQueueAvg: 0, stateUuid: "u", incomingAddresses: ["10.0.0.1:3306", "10.0.0.2:3306", "10.0.0.3:3306"], desync: false, ...o,
});
const status = (o: Partial<ServerStatus> = {}): ServerStatus => ({ state: "ok", lagSeconds: null, lagSource: null, error: null, facts: null, source: null, channels: [], checkedAt: 1, reachedAt: 1, ...o });
const server = (n: number, st: ServerStatus): GraphServer => ({ id: `s${n}`, name: `db${n}`, host: `10.0.0.${n}`, port: 3306, cluster: null, status: st, flavor: "mariadb", version: "10.11.6" });

describe("Galera group in the topology", () => {
  const replicaOf1 = status({ channels: [{ channel: "", sourceHost: "10.0.0.1", sourcePort: 3306, sourceServerId: null, state: "ok", lagSeconds: 0 } as unknown as ServerStatus["channels"][number]] });
  const servers = [server(1, status({ galera: galera() })), server(2, status({ galera: galera() })), server(4, replicaOf1)];

  it("is one cluster with one galera box; the unregistered announced member is a ghost inside it", () => {
    const clusters = buildClusters(servers);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].name).toBe("prod");
    expect(clusters[0].groups).toEqual([{ id: "galera:10.0.0.1:3306", kind: "galera", name: "prod", members: ["10.0.0.1:3306", "10.0.0.2:3306", "10.0.0.3:3306"], primary: null }]);
    const ghost = clusters[0].nodes.find((n) => n.id === "10.0.0.3:3306")!;
    expect(ghost).toMatchObject({ registered: false, groupId: "galera:10.0.0.1:3306", groupRole: "member" });
  });

  it("lays members side by side, their async replica below, all members inside the box", () => {
    const [c] = buildClusters(servers);
    const pos = layoutCluster(c);
    const ys = c.groups[0].members.map((m) => pos.get(m)!.y);
    expect(new Set(ys).size).toBe(1);
    expect(pos.get("10.0.0.4:3306")!.y).toBeGreaterThan(ys[0] + NODE_SIZE.height);
    const box = groupBox(c.groups[0].members, pos)!;
    for (const m of c.groups[0].members) {
      const p = pos.get(m)!;
      expect(p.x).toBeGreaterThan(box.x);
      expect(p.x + NODE_SIZE.width).toBeLessThan(box.x + box.width);
      expect(p.y).toBeGreaterThan(box.y);
    }
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
  });

  it("member rows: each member as it reports itself, and whether the viewed node counts it", () => {
    const two = [server(1, status({ galera: galera({ clusterSize: 2, incomingAddresses: ["10.0.0.1:3306", "10.0.0.2:3306"] }) })), server(2, status({ galera: galera({ clusterSize: 2 }) })), server(3, status({ state: "unreachable", galera: galera() }))];
    const rows = galeraMemberRows(two, "s1");
    expect(rows.map((r) => [r.address, r.name, r.clusterSize, r.inView])).toEqual([["10.0.0.1:3306", "db1", 2, true], ["10.0.0.2:3306", "db2", 2, true], ["10.0.0.3:3306", "db3", null, false]]);
    expect(rows[2].state).toBe("unreachable");
    expect(galeraMemberRows(two.map((s) => ({ ...s, status: status() })), "s1")).toEqual([]);
  });
});
