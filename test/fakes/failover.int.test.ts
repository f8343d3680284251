// A failover on simulated MySQL 5.7, 8.0, 8.4 and 9.1 trios: the source is killed, the replicas' receivers go to Connecting,
// replscope detects DeadSource and promotes a replica with each family's exact statements, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type SimServer, startMysqlTrio } from "./cluster-sim";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-fake-failover-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("@/lib/services/servers");
const { failoverView, startFailover, getFailover, failoverSettled } = await import("@/lib/services/failover");
const { monitor } = await import("@/lib/services/monitor");

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  monitor().stop();
  await Promise.all(closers.map((c) => c()));
});

/** The statements that change a server (not the readers'), in the order it received them. */
const control = (queries: string[]) => queries.filter((q) => /^(STOP|START|RESET|CHANGE|SET GLOBAL|SELECT WAIT_FOR)/i.test(q));

const NEW_TERMS = { stopIo: "STOP REPLICA IO_THREAD", stop: "STOP REPLICA", start: "START REPLICA", reset: "RESET REPLICA ALL", change: "CHANGE REPLICATION SOURCE TO SOURCE_HOST", port: "SOURCE_PORT", auto: "SOURCE_AUTO_POSITION=1" };
const EXPECTED = {
  "5.7.44-log": { stopIo: "STOP SLAVE IO_THREAD", stop: "STOP SLAVE", start: "START SLAVE", reset: "RESET SLAVE ALL", change: "CHANGE MASTER TO MASTER_HOST", port: "MASTER_PORT", auto: "MASTER_AUTO_POSITION=1" },
  "8.0.36": NEW_TERMS,
  "8.4.3": NEW_TERMS,
  "9.1.0": NEW_TERMS,
};

describe.each(Object.entries(EXPECTED))("MySQL %s", (version, w) => {
  it("kill the source → DeadSource; the failover promotes the chosen replica and repoints the other, statement by statement", async () => {
    const { servers, kill, close } = await startMysqlTrio(version);
    closers.push(close);
    const [S, A, B] = servers as [SimServer, SimServer, SimServer];
    const ids: string[] = [];
    for (const [i, s] of servers.entries()) {
      const r = await createServer({ name: `fo-${version}-${i}`, host: "127.0.0.1", port: s.fake.port, user: "root", password: "pw", cluster: `fosim-${version}` });
      if (!r.ok) throw new Error(r.error);
      ids.push(r.value.server.id);
    }
    await monitor().sweep();
    expect(await failoverView(ids[0])).toMatchObject({ ok: false, status: 409, error: /not dead/ });
    await kill(S);
    expect([A.channel?.io, B.channel?.io]).toEqual(["Connecting", "Connecting"]);
    for (let i = 0; i < 3; i++) await monitor().sweep();
    const view = await failoverView(ids[0]);
    if (!view.ok) throw new Error(view.error);
    expect(view.value.detection).toMatchObject({ code: "DeadSource", confirmedBy: [`fo-${version}-1`, `fo-${version}-2`] });
    expect(view.value.candidates.every((c) => c.ready)).toBe(true);
    const before = { A: A.fake.queries.length, B: B.fake.queries.length };
    const started = await startFailover(ids[0], { candidateId: ids[1], confirm: `fo-${version}-0` }, { actor: "t", address: null });
    if (!started.ok) throw new Error(started.error);
    await failoverSettled(started.value.id);
    const run = await getFailover(started.value.id);
    if (!run.ok) throw new Error(run.error);
    expect(run.value.error).toBeNull();
    expect(run.value).toMatchObject({ status: "done", newSourceId: ids[1] });
    const gtid = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-42";
    expect(control(A.fake.queries.slice(before.A))).toEqual([
      w.stopIo, `SELECT WAIT_FOR_EXECUTED_GTID_SET('${gtid}', 120) AS r`, w.stop, w.reset, "SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF",
    ]);
    expect(control(B.fake.queries.slice(before.B))).toEqual([w.stopIo, w.stop, `${w.change}='127.0.0.1', ${w.port}=${A.fake.port}, ${w.auto}`, w.start]);
    expect([A.readOnly, A.superReadOnly, A.channel, B.channel?.port, B.channel?.io, B.channel?.sql]).toEqual([false, false, null, A.fake.port, "Yes", "Yes"]);
  });
});
