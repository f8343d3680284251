// Runs across instances (real instance processes on a real MariaDB backend, real replication sandboxes): a switchover
// requested on the follower waits for the leader, which claims and executes it exactly once; a stop sent to the
// follower reaches the leader executing it; kill -9 of the leader
// that owns a running switchover → the new leader reports it interrupted and never executes its steps again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, setMasterDelay, startSandbox, startSandboxes, teardownAll, wireReplication } from "@/sandbox";
import { call, type Instance, leaderOf, spawnInstance, waitFor } from "./harness";

let backend: Sandbox;
let S: Sandbox, A: Sandbox, B: Sandbox;
let url: string;
const pair: Instance[] = [];
const ids = new Map<Sandbox, string>();

type RunRow = { status: string; owner: string | null; steps: string; error: string | null };
const runRow = async (id: string) => (await backend.query<RunRow[]>("SELECT status, owner, steps, error FROM replscope.SwitchoverRun WHERE id = ?", [id]))[0];
const stepStates = async (id: string) => (JSON.parse((await runRow(id)).steps) as { id: string; status: string }[]).map((s) => `${s.id}:${s.status}`);
const audited = async (id: string) => (await backend.query<{ statement: string; serverId: string }[]>("SELECT statement, serverId FROM replscope.AuditEntry WHERE action = ? AND kind = 'statement' ORDER BY id", [`switchover:${id}`]));
const requests = () => backend.query<{ runId: string; requestedBy: string; claimedBy: string | null }[]>("SELECT runId, requestedBy, claimedBy FROM replscope.RunRequest");

/** A switchover A → S requested on `via`, held by the leader in catch_up (B delayed 60 s); a database created on A first. */
async function switchoverInCatchUp(via: Instance, database: string): Promise<string> {
  await setMasterDelay(B, 60);
  await A.query(`CREATE DATABASE ${database}`);
  const started = await call<{ id: string }>(via, `/switchover?source=${ids.get(A)}&candidate=${ids.get(S)}&sibling=${ids.get(B)}`, "POST");
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  await waitFor("the leader to be waiting in catch_up", async () => (await stepStates(started.body.id)).includes("catch_up:running"), 30_000);
  return started.body.id;
}

/** The leader executing a switchover held in catch_up (requested on the leader or the follower), with what it audited so far. */
async function leaderHoldingRun(via: "leader" | "follower", database: string) {
  const leader = await waitFor("one leader", () => leaderOf(pair), 30_000);
  const other = pair.find((i) => i !== leader)!;
  const id = await switchoverInCatchUp(via === "leader" ? leader : other, database);
  expect((await runRow(id)).owner).toBe(leader.id);
  return { leader, other, id, before: await audited(id) };
}

/** The run is reported interrupted and stays so: no step runs again, nothing more is audited, its request is dropped. */
async function expectInterruptedForGood(id: string, auditedBefore: Awaited<ReturnType<typeof audited>>) {
  await waitFor("the run to be reported interrupted", async () => (await runRow(id)).status === "interrupted", 20_000);
  const steps = await stepStates(id);
  expect(steps).toEqual(expect.arrayContaining(["catch_up:failed", "stop_replicas:pending", "promote:pending"]));
  await new Promise((r) => setTimeout(r, 5000));
  expect(await stepStates(id)).toEqual(steps);
  expect(await audited(id)).toEqual(auditedBefore);
  expect((await runRow(id)).status).toBe("interrupted");
  await waitFor("the request row to be dropped once the run ended", async () => (await requests()).length === 0, 15_000);
  await setMasterDelay(B, 0);
}

beforeAll(async () => {
  backend = await startSandbox({ name: "replscope-backend", logBin: false });
  await backend.query("CREATE DATABASE replscope");
  url = `mysql://root@127.0.0.1:${backend.port}/replscope`;
  [S, A, B] = await startSandboxes(3);
  await wireReplication(S, A);
  await wireReplication(S, B);
  pair.push(spawnInstance("runs-a", url, { REPLSCOPE_CONNECT_TIMEOUT_MS: "1500" }), spawnInstance("runs-b", url, { REPLSCOPE_CONNECT_TIMEOUT_MS: "1500" }));
  await Promise.all(pair.map((i) => waitFor(`${i.id} to answer`, () => call(i, "/leader-check"), 60_000)));
  for (const [sb, name] of [[S, "sw-s"], [A, "sw-a"], [B, "sw-b"]] as const) ids.set(sb, (await call<{ id: string }>(pair[0], `/servers/tested?name=${name}&port=${sb.port}`, "POST")).body.id);
}, 240_000);

afterAll(async () => {
  for (const i of pair) i.child.kill("SIGKILL");
  await teardownAll();
  await backend?.destroy();
});

describe("runs are executed by the leader", () => {
  it("a wizard abort sent to the follower while the leader's step executes: the leader cancels it and undoes the run", async () => {
    const leader = await waitFor("one leader", () => leaderOf(pair), 20_000);
    const follower = pair.find((i) => i !== leader)!;
    const [W, T] = await startSandboxes(2);
    for (const [sb, name] of [[W, "wz-source"], [T, "wz-target"]] as const) ids.set(sb, (await call<{ id: string }>(pair[0], `/servers/tested?name=${name}&port=${sb.port}`, "POST")).body.id);
    // The replication user is created for a host the replica never connects from: its receiver keeps retrying, so the
    // leader's verify step waits (up to a minute) for replication that cannot start.
    const started = await call<{ id: string }>(follower, `/wizard?source=${ids.get(W)}&target=${ids.get(T)}&user=repl_fwd&replHost=10.255.255.1`, "POST");
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;
    const stepOf = async (step: string) => (await backend.query<{ status: string }[]>("SELECT status FROM replscope.BootstrapStep WHERE runId = ? AND stepId = ?", [id, step]))[0]?.status;
    await waitFor("the leader to be waiting in verify", async () => (await stepOf("verify")) === "running", 60_000);
    expect((await backend.query<{ owner: string }[]>("SELECT owner FROM replscope.BootstrapRun WHERE id = ?", [id]))[0].owner).toBe(leader.id);
    expect(await call(follower, `/wizard-abort?id=${id}`, "POST")).toEqual({ status: 200, body: { status: "running", undone: [], forwardedTo: leader.id } });
    await waitFor("the run to be aborted by the leader", async () => (await backend.query<{ status: string }[]>("SELECT status FROM replscope.BootstrapRun WHERE id = ?", [id]))[0].status === "aborted", 30_000);
    expect(await W.query("SELECT COUNT(*) AS n FROM mysql.user WHERE User = 'repl_fwd'")).toEqual([{ n: 0 }]);
    expect(await T.query("SHOW ALL SLAVES STATUS")).toEqual([]);
    const aborts = await backend.query<{ actor: string }[]>("SELECT actor FROM replscope.AuditEntry WHERE action = 'bootstrap.abort'");
    expect(aborts.map((a) => a.actor)).toEqual(["olga"]);
    await waitFor("the request row to be dropped once the run ended", async () => (await requests()).length === 0, 15_000);
  });

  it("a switchover requested on the follower waits for the leader, which executes it exactly once", async () => {
    const leader = await waitFor("one leader", () => leaderOf(pair), 20_000);
    const follower = pair.find((i) => i !== leader)!;
    const started = await call<{ id: string }>(follower, `/switchover?source=${ids.get(S)}&candidate=${ids.get(A)}&sibling=${ids.get(B)}`, "POST");
    expect(started.status).toBe(201);
    const id = started.body.id;
    await waitFor("the switchover to finish", async () => ["done", "failed", "stopped"].includes((await runRow(id)).status), 90_000);
    const row = await runRow(id);
    expect(row, row.error ?? "").toMatchObject({ status: "done", owner: leader.id });
    expect(await stepStates(id)).toEqual(expect.arrayContaining(["promote:done", "verify:done"]));
    const statements = await audited(id);
    const promotes = statements.filter((s) => s.serverId === ids.get(A) && /read_only\s*=\s*(0|OFF)/i.test(s.statement));
    expect(promotes).toHaveLength(1);
    await waitFor("the request row to be dropped once the run ended", async () => (await requests()).length === 0, 15_000);
    expect(follower.log.join("")).not.toContain(id);
  });

  it("a stop sent to the follower stops the leader's switchover before the point of no return, and it is undone", async () => {
    const leader = await waitFor("one leader", () => leaderOf(pair), 20_000);
    const follower = pair.find((i) => i !== leader)!;
    const id = await switchoverInCatchUp(follower, "stopped");
    expect(await call(follower, `/switchover-stop?id=${id}`, "POST")).toEqual({ status: 200, body: { ok: true } });
    await waitFor("the switchover to stop", async () => (await runRow(id)).status === "stopped", 30_000);
    expect(await stepStates(id)).toEqual(expect.arrayContaining(["promote:pending"]));
    expect((await A.query<{ ro: number }[]>("SELECT @@global.read_only AS ro"))[0].ro).toBe(0);
    await waitFor("the request row to be dropped once the run ended", async () => (await requests()).length === 0, 15_000);
    await setMasterDelay(B, 0);
  });

  it("kill -9 of the leader owning a running switchover: the new leader reports it interrupted and never runs it again", async () => {
    const { leader, other: survivor, id, before } = await leaderHoldingRun("follower", "interrupted");
    leader.child.kill("SIGKILL");
    await waitFor("the survivor to lead", async () => (await call(survivor, "/leader-check")).status === 200, 20_000);
    await expectInterruptedForGood(id, before);
  });

  it("the leader killed and restarted under the same REPLSCOPE_INSTANCE_ID reports its earlier process's run interrupted", async () => {
    const { leader, other, id, before } = await leaderHoldingRun("leader", "restarted");
    const { epoch } = (await call<{ epoch: number }>(leader, "/leader-check")).body;
    // Only the restarted process may lead: the id is alive again at once, the run's process is not.
    other.child.kill("SIGKILL");
    leader.child.kill("SIGKILL");
    const again = spawnInstance(leader.id, url, { REPLSCOPE_CONNECT_TIMEOUT_MS: "1500" });
    pair.splice(0, pair.length, again);
    await waitFor("the restarted instance to lead", async () => (await call(again, "/leader-check")).status === 200, 60_000);
    // A new process is a new term: it does not continue the killed process's epoch.
    expect((await call<{ epoch: number }>(again, "/leader-check")).body.epoch).toBe(epoch + 1);
    await expectInterruptedForGood(id, before);
  });
});
