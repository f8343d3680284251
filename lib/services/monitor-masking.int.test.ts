// A replica's error text quoting a replicated CREATE USER … IDENTIFIED BY '…' (real MariaDB): the stored snapshot, the
// status report (GET /api/status) and its problems show the password as *****.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandboxes, teardownAll, waitForSlave, wireReplication } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-monitor-mask-"));
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { latestStates } = await import("@/lib/data/status");

const WIZARD_PW = "Wizard-Generated-Pw-9876";
let S: Sandbox, R: Sandbox;
let replicaId = "";

beforeAll(async () => {
  [S, R] = await startSandboxes(2);
  await createUser(S, "monitor", "%", "monitor-pw", ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "SELECT"]);
  await wireReplication(S, R);
  for (const [name, sb] of [["src", S], ["rep", R]] as const) {
    const r = await createServer({ name, host: sb.host, port: sb.port, user: "monitor", password: "monitor-pw", cluster: "mask" });
    if (!r.ok) throw new Error(r.error);
    if (name === "rep") replicaId = r.value.server.id;
  }
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("monitor: error texts are masked", () => {
  it("a replica stopped on a replicated CREATE USER … IDENTIFIED BY '…' shows *****, in the stored row and the report", async () => {
    await waitForSlave(R, (r) => r.Slave_SQL_Running === "Yes");
    // The user already exists on the replica, so applying the source's CREATE USER fails (1396) and quotes the statement.
    await R.session(async (c) => {
      await c.query("SET SESSION sql_log_bin=0");
      await c.query("CREATE USER 'replicator'@'10.0.0.5' IDENTIFIED BY 'other'");
    });
    await S.query(`CREATE USER 'replicator'@'10.0.0.5' IDENTIFIED BY '${WIZARD_PW}'`);
    const row = await waitForSlave(R, (r) => Number(r.Last_SQL_Errno) !== 0);
    expect(String(row.Last_SQL_Error)).toContain(WIZARD_PW); // the server itself quotes it

    await monitor().sweep();
    const stored = (await latestStates()).find((s) => s.serverId === replicaId)!;
    expect(stored.snapshot).toContain("IDENTIFIED BY '*****'");
    expect(stored.snapshot).not.toContain(WIZARD_PW);
    const { servers } = await statusReport();
    const rep = servers.find((s) => s.id === replicaId)!;
    expect(rep.channels[0].lastSqlError).toContain("*****");
    expect(JSON.stringify(rep)).not.toContain(WIZARD_PW);
    expect(rep.problems.some((p) => p.message.includes("*****"))).toBe(true);
  }, 120_000);
});
