// A planned switchover on simulated MySQL 5.7 → 9.x trios: each family's grammar accepts every statement, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type SimServer, startMysqlTrio } from "./cluster-sim";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-fake-switchover-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("@/lib/services/servers");
const { startSwitchover } = await import("@/lib/services/switchover");
const { switchoverSettled } = await import("@/lib/services/switchover/engine");
const { findSwitchover } = await import("@/lib/data/switchover");

const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((c) => c())));

const WORDS = {
  "5.7.44-log": { stop: "STOP SLAVE", reset: "RESET SLAVE ALL", change: "CHANGE MASTER TO MASTER_HOST", auto: "MASTER_AUTO_POSITION=1" },
  "8.0.36": { stop: "STOP REPLICA", reset: "RESET REPLICA ALL", change: "CHANGE REPLICATION SOURCE TO SOURCE_HOST", auto: "SOURCE_AUTO_POSITION=1" },
  "8.4.3": { stop: "STOP REPLICA", reset: "RESET REPLICA ALL", change: "CHANGE REPLICATION SOURCE TO SOURCE_HOST", auto: "SOURCE_AUTO_POSITION=1" },
  "9.1.0": { stop: "STOP REPLICA", reset: "RESET REPLICA ALL", change: "CHANGE REPLICATION SOURCE TO SOURCE_HOST", auto: "SOURCE_AUTO_POSITION=1" },
};

describe.each(Object.entries(WORDS))("MySQL %s", (version, words) => {
  it("switches the source over to a replica: super_read_only, GTID auto-positioning, the old source and sibling follow", async () => {
    const { servers, close } = await startMysqlTrio(version);
    closers.push(close);
    const ids: string[] = [];
    for (const [i, s] of servers.entries()) {
      const r = await createServer({ name: `my-${version}-${i}`, host: "127.0.0.1", port: s.fake.port, user: "root", password: "pw", cluster: `sim-${version}` });
      if (!r.ok) throw new Error(r.error);
      ids.push(r.value.server.id);
    }
    const started = await startSwitchover(ids[0], { candidateId: ids[1], replUser: "repl", replPassword: "pw'd", confirm: `my-${version}-0` }, { actor: "t", address: null });
    if (!started.ok) throw new Error(started.error);
    await switchoverSettled(started.value.id);
    const run = (await findSwitchover(started.value.id))!;
    expect(run.error).toBeNull();
    expect(run.status).toBe("done");
    const [S, A, B] = servers as [SimServer, SimServer, SimServer];
    expect([S.readOnly, A.readOnly, A.channel, S.channel?.port, B.channel?.port]).toEqual([true, false, null, A.fake.port, A.fake.port]);
    expect(S.fake.queries).toContain("SET GLOBAL super_read_only = ON");
    expect(A.fake.queries).toEqual(expect.arrayContaining([words.stop, words.reset, "SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]));
    const oldSource = S.fake.queries.find((q) => q.startsWith(words.change))!;
    expect(oldSource).toContain(words.auto);
    expect(oldSource).toContain(`${words.change.startsWith("CHANGE MASTER") ? "MASTER" : "SOURCE"}_PASSWORD='pw\\'d'`);
    expect(B.fake.queries.find((q) => q.startsWith(words.change))).toContain(words.auto);
    expect(JSON.stringify(run)).not.toContain("pw'd");
  });
});
