import { describe, expect, it } from "vitest";
import { dialectFor, parseServerVersion } from "./dialect";
import { NO_SEMI_SYNC, normaliseSemiSync, semiSyncEnabled, upgradeStoredSemiSync } from "./semi-sync";

const rows = (o: Record<string, string | number>) => Object.entries(o).map(([Variable_name, Value]) => ({ Variable_name, Value }));
const d = (v: string) => dialectFor(parseServerVersion(v)!);

describe("semi-sync statements per dialect", () => {
  it("asks MariaDB and MySQL < 8.0.26 for the master/slave names only, MySQL ≥ 8.0.26 for both plugins' names", () => {
    for (const v of ["10.11.6-MariaDB", "5.7.44", "8.0.25"]) {
      expect(d(v).semiSyncQuery).toContain("'rpl_semi_sync_master_enabled'");
      expect(d(v).semiSyncQuery).not.toContain("source");
      expect(d(v).semiSyncStatusQuery).toMatch(/^SHOW GLOBAL STATUS WHERE Variable_name IN \(.*'rpl_semi_sync_master_status'/);
      expect(d(v).semiSyncStatusQuery).not.toContain("replica");
    }
    for (const v of ["8.0.26", "8.4.3", "9.1.0"]) {
      expect(d(v).semiSyncQuery).toContain("'rpl_semi_sync_source_enabled'");
      expect(d(v).semiSyncQuery).toContain("'rpl_semi_sync_master_enabled'");
      expect(d(v).semiSyncStatusQuery).toContain("'rpl_semi_sync_replica_status'");
      expect(d(v).semiSyncStatusQuery).toContain("'rpl_semi_sync_source_yes_tx'");
    }
  });
});

describe("normaliseSemiSync", () => {
  it("reads an active MariaDB source with its counters", () => {
    const s = normaliseSemiSync(
      rows({ rpl_semi_sync_master_enabled: "ON", rpl_semi_sync_slave_enabled: "OFF" }),
      rows({ Rpl_semi_sync_master_status: "ON", Rpl_semi_sync_master_clients: 2, Rpl_semi_sync_master_no_tx: 1, Rpl_semi_sync_master_yes_tx: 40, Rpl_semi_sync_master_tx_avg_wait_time: 512, Rpl_semi_sync_slave_status: "OFF" }),
    );
    expect(s).toEqual({ sourceEnabled: true, sourceActive: true, replicaEnabled: false, replicaActive: false, clients: 2, noTx: 1, yesTx: 40, txAvgWaitMicros: 512 });
  });
  it("reads the 8.0.26 plugins' names, a source fallen back to async and an acknowledging replica", () => {
    const src = normaliseSemiSync(rows({ rpl_semi_sync_source_enabled: "ON" }), rows({ Rpl_semi_sync_source_status: "OFF", Rpl_semi_sync_source_clients: 0, Rpl_semi_sync_source_no_tx: 3, Rpl_semi_sync_source_yes_tx: 0 }));
    expect(src).toMatchObject({ sourceEnabled: true, sourceActive: false, clients: 0, noTx: 3, replicaEnabled: null, replicaActive: null });
    const rep = normaliseSemiSync(rows({ rpl_semi_sync_replica_enabled: "ON" }), rows({ Rpl_semi_sync_replica_status: "ON" }));
    expect(rep).toMatchObject({ replicaEnabled: true, replicaActive: true, sourceEnabled: null, clients: null });
  });
  it("disabled is inactive without counters; no plugin is unknown; counters are read only when a side is enabled", () => {
    expect(normaliseSemiSync(rows({ rpl_semi_sync_master_enabled: "OFF", rpl_semi_sync_slave_enabled: "OFF" }))).toMatchObject({ sourceActive: false, replicaActive: false, clients: null });
    expect(normaliseSemiSync([])).toEqual(NO_SEMI_SYNC);
    expect(semiSyncEnabled(rows({ rpl_semi_sync_master_enabled: "OFF", rpl_semi_sync_slave_enabled: "OFF" }))).toBe(false);
    expect(semiSyncEnabled(rows({ rpl_semi_sync_replica_enabled: "ON" }))).toBe(true);
  });
  it("reads an older stored snapshot's enabled flags as the full shape", () => {
    expect(upgradeStoredSemiSync({ source: true, replica: null })).toEqual({ ...NO_SEMI_SYNC, sourceEnabled: true });
  });
});
