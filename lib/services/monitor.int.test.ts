// The poller against real MariaDB sandboxes: healthy, delayed, broken, stopped, hung, source down, heartbeat.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUser, injectDuplicateKeyConflict, type Sandbox, setMasterDelay, startSandboxes, stopReplicaSqlThread, teardownAll, waitForSlave, wireReplication,
} from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-monitor-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "1500";
const { createServer, updateServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { metrics } = await import("./metrics");
const { lagSamples } = await import("@/lib/data/status");

const PASSWORD = `mon'it"or\\ü`;
let S: Sandbox, healthy: Sandbox, delayed: Sandbox, broken: Sandbox, stopped: Sandbox;
const ids = new Map<Sandbox, string>();

async function sweepReport() {
  await monitor().sweep();
  await monitor().lastFailoverCheck; // metrics are recorded after the sweep, with its problems
  const { servers } = await statusReport();
  return (sb: Sandbox) => servers.find((s) => s.id === ids.get(sb))!;
}

beforeAll(async () => {
  [S, healthy, delayed, broken, stopped] = await startSandboxes(5);
  await createUser(S, "monitor", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "SELECT"]);
  for (const r of [healthy, delayed, broken, stopped]) await wireReplication(S, r);
  for (const [name, sb] of [["S", S], ["healthy", healthy], ["delayed", delayed], ["broken", broken], ["stopped", stopped]] as const) {
    const r = await createServer({ name, host: sb.host, port: sb.port, user: "monitor", password: PASSWORD, cluster: "it" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.check.status).toBe("ok");
    ids.set(sb, r.value.server.id);
  }
}, 240_000); // five sandboxes start slowly on a loaded 2-core machine

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("monitor sweep", () => {
  it("classifies healthy, delayed, broken and stopped replicas honestly", async () => {
    await setMasterDelay(delayed, 30);
    await stopReplicaSqlThread(stopped);
    await injectDuplicateKeyConflict(S, broken);
    await waitForSlave(delayed, (r) => Number(r.Seconds_Behind_Master) >= 1);
    const get = await sweepReport();
    expect(get(healthy)).toMatchObject({ state: "ok", lagSeconds: 0, lagSource: "seconds_behind", stale: false });
    expect(get(delayed).state).toBe("ok");
    expect(get(delayed).channels[0].sqlDelay).toBe(30);
    expect(get(delayed).lagSeconds).toBeGreaterThanOrEqual(1);
    expect(get(broken)).toMatchObject({ state: "broken" });
    expect(get(broken).channels[0]).toMatchObject({ lastSqlErrno: 1062, lastSqlError: expect.stringMatching(/Duplicate entry/) });
    expect(get(broken).problems.map((p) => p.code)).toContain("ReplicationBroken");
    expect(get(stopped)).toMatchObject({ state: "stopped", lagSeconds: null });
    expect(get(S)).toMatchObject({ state: "ok", channels: [] });
    expect(await metrics().registry.getSingleMetricAsString("replscope_replica_sql_running")).toMatch(/server="stopped".*\} 0/);
    // The alert rules compare lag with these: the server's thresholds (defaults 10/60) plus the channel's delay.
    expect(await metrics().registry.getSingleMetricAsString("replscope_replica_lag_warning_seconds")).toMatch(/server="delayed".*\} 40\n/);
    expect(await metrics().registry.getSingleMetricAsString("replscope_replica_lag_critical_seconds")).toMatch(/server="delayed".*\} 90\n/);
    expect((await lagSamples(ids.get(healthy)!, 0, Date.now() / 1000)).length).toBeGreaterThan(0);
  });

  it("shows a hung replica as unreachable while the others stay fresh", async () => {
    const before = await sweepReport();
    const reached = (await statusReport()).statuses.get(ids.get(healthy)!)!;
    expect(reached.facts?.serverId).toBeGreaterThan(0);
    await healthy.pause();
    try {
      const get = await sweepReport();
      expect(get(healthy).state).toBe("unreachable");
      expect(get(healthy).lagSeconds).toBeNull();
      expect(get(healthy).error).toMatch(/Timed out/);
      expect(Date.parse(get(broken).checkedAt!)).toBeGreaterThan(Date.parse(before(broken).checkedAt!));
      expect(get(broken).stale).toBe(false);
      // What it last showed stays (from the poller's memory of the last status), two failed polls in a row counted.
      await sweepReport();
      const { statuses } = await statusReport();
      expect(statuses.get(ids.get(healthy)!)).toMatchObject({ state: "unreachable", unreachablePolls: 2, facts: reached.facts, channels: reached.channels, reachedAt: reached.reachedAt });
    } finally {
      await healthy.resume();
    }
    expect((await sweepReport())(healthy).state).toBe("ok");
  });

  it("measures lag by heartbeat, which stays honest while the applier is stopped", async () => {
    const r = await updateServer(ids.get(S)!, { heartbeatEnabled: true, heartbeatSchema: "replscope_hb" });
    expect(r.ok).toBe(true);
    await S.query("GRANT CREATE, INSERT, DELETE ON replscope_hb.* TO 'monitor'@'%'");
    const { listPollTargets } = await import("@/lib/data/servers");
    await monitor().heartbeat.beat(listPollTargets);
    expect(monitor().heartbeat.errors.get(ids.get(S)!)).toBeUndefined();
    const { listAudit } = await import("@/lib/data/audit");
    const started = await listAudit({ action: "heartbeat.start", serverId: ids.get(S)! });
    expect(started).toHaveLength(1);
    expect(started[0].statement).toMatch(/^CREATE DATABASE IF NOT EXISTS `replscope_hb`; CREATE TABLE IF NOT EXISTS .* then every second: REPLACE INTO/);
    for (let i = 0; i < 100; i++) {
      const rows = await healthy.query<unknown[]>("SELECT 1 FROM replscope_hb.heartbeat").catch(() => []);
      if (rows.length) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const first = await sweepReport();
    expect(first(healthy).lagSource).toBe("heartbeat");
    expect(first(healthy).lagSeconds).toBeLessThan(5);
    await stopReplicaSqlThread(healthy);
    for (let i = 0; i < 3; i++) {
      await monitor().heartbeat.beat(listPollTargets);
      await new Promise((res) => setTimeout(res, 1000));
    }
    const get = await sweepReport();
    expect(get(healthy)).toMatchObject({ state: "stopped", lagSource: "heartbeat" });
    expect(get(healthy).lagSeconds).toBeGreaterThanOrEqual(2);
    await healthy.query("START SLAVE SQL_THREAD");
  });

  it("a password that can no longer be decrypted is a state with a plain explanation, not a crash", async () => {
    const { db } = await import("@/lib/data/db");
    const { testServer } = await import("./servers");
    const id = ids.get(stopped)!;
    await db().server.update({ where: { id }, data: { passwordEnc: "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    const t = await testServer(id);
    expect(t.ok && t.value.check).toMatchObject({ status: "error", detail: expect.stringMatching(/cannot be decrypted/) });
    const get = await sweepReport();
    expect(get(stopped)).toMatchObject({ state: "unreachable", error: expect.stringMatching(/cannot be decrypted/) });
    expect(get(broken).state).toBe("broken");
  });

  it("shows replicas of a stopped source as connecting, and the source as unreachable", async () => {
    // Lag by Seconds_Behind only: once the source is gone it is estimated from what the last sweeps measured.
    expect((await updateServer(ids.get(S)!, { heartbeatEnabled: false })).ok).toBe(true);
    await waitForSlave(healthy, (row) => row.Slave_SQL_Running === "Yes" && row.Seconds_Behind_Master !== null);
    expect((await sweepReport())(healthy)).toMatchObject({ state: "ok", lagSource: "seconds_behind" });
    await S.stop();
    try {
      await waitForSlave(healthy, (row) => row.Slave_IO_Running === "Connecting");
      const get = await sweepReport();
      expect(get(S).state).toBe("unreachable");
      expect(get(healthy).state).toBe("connecting");
      expect(get(healthy).problems.map((p) => p.code)).toContain("IOThreadConnecting");
      expect(get(healthy).lagSeconds).not.toBe(0);
      expect(get(healthy).lagSource).toBe("estimated");
      expect(get(healthy).lagSeconds).toBeGreaterThan(0);
    } finally {
      await S.start();
    }
  });
});
