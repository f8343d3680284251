// A heartbeat the leader cannot write is shown on every instance's server page: the error travels with the stored
// status (it lived only in the leader's memory, so a page served by another instance never showed it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser, type Sandbox, startSandboxes, teardownAll } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-heartbeat-errors-"));
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { serverStatusDetail } = await import("./status");
const { listPollTargets } = await import("@/lib/data/servers");

const PASSWORD = "hb-secret-'pw'";
let S: Sandbox;
let id: string;

beforeAll(async () => {
  [S] = await startSandboxes(1);
  // Enough to be polled, not enough to create the heartbeat table.
  await createUser(S, "watcher", "127.0.0.1", PASSWORD, ["REPLICATION CLIENT", "PROCESS"]);
  const r = await createServer({ name: "hb-denied", host: S.host, port: S.port, user: "watcher", password: PASSWORD, heartbeatEnabled: true });
  if (!r.ok) throw new Error(r.error);
  id = r.value.server.id;
}, 120_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

it("the leader's heartbeat failure is stored with the status and shown by an instance that never wrote a heartbeat", async () => {
  await monitor().heartbeat.beat(listPollTargets);
  const onLeader = monitor().heartbeat.errors.get(id);
  expect(onLeader).toMatch(/^Heartbeat write failed: .*denied/i);
  await monitor().sweep();
  // Another instance: its heartbeat writer never ran, so its memory holds no error; the stored status does.
  monitor().heartbeat.errors.clear();
  const detail = await serverStatusDetail(id);
  expect(detail?.heartbeatError).toBe(onLeader);
  expect(JSON.stringify(detail)).not.toContain(PASSWORD);
});
