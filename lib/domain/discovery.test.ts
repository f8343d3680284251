import { describe, expect, it } from "vitest";
import { galeraPeers, leadsFrom } from "./discovery";

const wsrep = (addresses: string) => [{ Variable_name: "wsrep_incoming_addresses", Value: addresses }, { Variable_name: "wsrep_cluster_size", Value: "3" }];

describe("Galera peers as discovery leads", () => {
  it("lists every announced member but the visited one, saying how it was found", () => {
    expect(galeraPeers("127.0.0.1:3306", wsrep("127.0.0.1:3306,10.0.0.2:3306,[::1]:3307"))).toEqual([
      { host: "10.0.0.2", port: 3306, via: "Galera peer of 127.0.0.1:3306 (wsrep_incoming_addresses)" },
      { host: "::1", port: 3307, via: "Galera peer of 127.0.0.1:3306 (wsrep_incoming_addresses)" },
    ]);
  });

  it("skips AUTO and empty entries; no rows (not a Galera member) gives no lead", () => {
    expect(galeraPeers("a:1", wsrep("AUTO,,b:2"))).toEqual([{ host: "b", port: 2, via: "Galera peer of a:1 (wsrep_incoming_addresses)" }]);
    expect(galeraPeers("a:1", [])).toEqual([]);
  });

  it("leadsFrom adds the peers after the replication leads", () => {
    const { leads } = leadsFrom("db1:3306", { replicaRows: [], hostRows: [], dumpRows: [], galeraRows: wsrep("db1:3306,db2:3306") });
    expect(leads).toEqual([{ host: "db2", port: 3306, via: "Galera peer of db1:3306 (wsrep_incoming_addresses)" }]);
  });
});
