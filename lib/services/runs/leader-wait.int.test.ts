// A run requested on a follower: the page learns who leads and for how long the run has waited, and says so when no
// instance leads (it used to promise "within a few seconds" forever).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-leader-wait-"));
const { storeRunRequest, claimRequest } = await import("@/lib/data/run-requests");
const { acquireOrRenew, ensureLeaseRows } = await import("@/lib/data/leadership");
const { runInTerm } = await import("@/lib/data/fence");
const { db } = await import("@/lib/data/db");
const { leaderWait } = await import("./engine");

const request = { kind: "switchover" as const, all: true, actor: "dba", address: null, requestedBy: "web-1" };

it("no live lease: no leader named; a leader takes the lease: named; claimed: no longer waiting", async () => {
  await ensureLeaseRows();
  expect(await storeRunRequest({ ...request, runId: "run-1" }, null)).toBe(true);
  await db().runRequest.update({ where: { runId: "run-1" }, data: { createdAt: Date.now() - 42_000 } });
  expect(await leaderWait("run-1")).toEqual({ waitingSeconds: 42, leader: null });
  const term = (await acquireOrRenew("web-2", 10_000))!;
  expect(await leaderWait("run-1")).toEqual({ waitingSeconds: 42, leader: "web-2" });
  expect(await runInTerm(term, () => claimRequest("run-1", "web-2"))).toBe(true);
  expect(await leaderWait("run-1")).toBeNull();
  expect(await leaderWait("no-such-run")).toBeNull();
});
