// Failover on real MariaDB sandboxes with GTID: a source and three replicas under write load, kill -9, detection,
// promotion of a behind candidate after it caught up, repointing, fencing of the returned source, refused rejoin.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, setMasterDelay, slaveStatus, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireReplication } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-failover-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1000";
const { createServer, updateServer } = await import("../servers");
const { failoverView, startFailover, getFailover, failoverSettled } = await import("./index");
const { rejoinFormerSource } = await import("./fencing");
const { serverStatusDetail } = await import("../status");
const { monitor } = await import("../monitor");
const { createFailover, saveFailover } = await import("@/lib/data/failover");
const { markRunsInterrupted } = await import("@/lib/data/runs");

const caller = { actor: "dba", address: "10.1.1.1" };
let S: Sandbox, A: Sandbox, B: Sandbox, D: Sandbox;
const ids = new Map<Sandbox, string>();

async function register(sb: Sandbox, name: string, port = sb.port) {
  const r = await createServer({ name, host: sb.host, port, user: "root", password: "", cluster: name.split("-")[0] });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
}
const useGtid = async (r: Sandbox) => {
  await r.query("STOP SLAVE");
  await r.query("CHANGE MASTER TO MASTER_USE_GTID=slave_pos");
  await r.query("START SLAVE");
  await waitForSlave(r, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes" && x.Using_Gtid === "Slave_Pos");
};
const codes = async (sb: Sandbox) => (await serverStatusDetail(ids.get(sb)!))!.report.problems.map((p) => p.code);
const rows = async (sb: Sandbox) => (await sb.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM shop.orders"))[0].n;
const checksum = async (sb: Sandbox) => (await sb.query<{ Checksum: number }[]>("CHECKSUM TABLE shop.orders"))[0].Checksum;

/** Inserts until the source dies; returns how many inserts succeeded. */
async function writer(sb: Sandbox, stop: { now: boolean }): Promise<number> {
  let ok = 0;
  while (!stop.now) {
    try {
      await sb.query("INSERT INTO shop.orders (item) VALUES ('load')");
      ok++;
    } catch {
      break;
    }
  }
  return ok;
}

beforeAll(async () => {
  [S, A, B, D] = await startSandboxes(4);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40)) ENGINE=InnoDB");
  await S.query("INSERT INTO shop.orders (item) SELECT CONCAT('o', seq) FROM shop.seq_1_to_1000");
  for (const r of [A, B, D]) await wireReplication(S, r);
  for (const r of [A, B, D]) await waitForCaughtUp(S, r);
  for (const r of [A, B, D]) await useGtid(r);
  await setMasterDelay(D, 3600);
  for (const r of [A, B, D]) await r.query("SET GLOBAL read_only = ON");
  for (const [sb, name] of [[S, "fo-s"], [A, "fo-a"], [B, "fo-b"], [D, "fo-d"]] as const) await register(sb, name);
  await monitor().sweep();
}, 180_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("failover from a dead source", () => {
  let beforeB = 0;
  it("under write load, kill -9 → DeadSource within 3 polls (not before 2)", async () => {
    await A.query("STOP SLAVE IO_THREAD");
    const stop = { now: false };
    const load = writer(S, stop);
    await new Promise((r) => setTimeout(r, 1500));
    await S.kill9();
    stop.now = true;
    expect(await load).toBeGreaterThan(0);
    await A.query("START SLAVE IO_THREAD");
    let polls = 0;
    for (; polls < 3 && !(await codes(S)).includes("DeadSource"); polls++) await monitor().sweep();
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(await codes(S)).toContain("DeadSource");
    const view = await failoverView(ids.get(S)!);
    if (!view.ok) throw new Error(view.error);
    expect(view.value.detection).toMatchObject({ code: "DeadSource", confirmedBy: ["fo-a", "fo-b", "fo-d"] });
    // B retrieved the most; the delayed D is never first (and not ready).
    expect(view.value.candidates[0].candidateName).toBe("fo-b");
    expect(view.value.candidates.find((c) => c.candidateName === "fo-d")!.ready).toBe(false);
    await waitForSlave(B, (r) => r.Gtid_IO_Pos === r.Gtid_Slave_Pos);
    beforeB = await rows(B);
  });

  it("refuses bad input: a non-replica, a must_not candidate, a wrong confirmation", async () => {
    const s = ids.get(S)!;
    expect(await startFailover(s, { candidateId: s, confirm: "fo-s" }, caller)).toMatchObject({ ok: false, status: 409, error: /not a replica/ });
    expect(await startFailover(s, { candidateId: ids.get(A), confirm: "fo-x" }, caller)).toMatchObject({ ok: false, status: 400 });
    await updateServer(ids.get(B)!, { promotionRule: "must_not" });
    expect(await startFailover(s, { candidateId: ids.get(B), confirm: "fo-s" }, caller)).toMatchObject({ ok: false, status: 409, error: /promotion rule/ });
    expect(await startFailover(s, { candidateId: ids.get(D), confirm: "fo-s" }, caller)).toMatchObject({ ok: false, status: 409, error: /delayed/ });
  });

  it("promotes the behind candidate after it caught up from the most advanced; the others follow it; no row lost; one at a time", async () => {
    const s = ids.get(S)!;
    const r = await startFailover(s, { candidateId: ids.get(A), confirm: "fo-s" }, caller);
    if (!r.ok) throw new Error(r.error);
    expect(await startFailover(s, { candidateId: ids.get(A), confirm: "fo-s" }, caller)).toMatchObject({ ok: false, status: 409 });
    await failoverSettled(r.value.id);
    const run = await getFailover(r.value.id);
    if (!run.ok) throw new Error(run.error);
    expect(run.value.error).toBeNull();
    expect(run.value).toMatchObject({ status: "done", newSourceId: ids.get(A) });
    expect(run.value.logs.some((l) => /behind fo-b/.test(l.text))).toBe(true);
    expect(run.value.report!.replicas.map((x) => x.name).sort()).toEqual(["fo-a", "fo-b", "fo-d"]);
    expect((await A.query<{ ro: number }[]>("SELECT @@read_only AS ro"))[0].ro).toBe(0);
    for (const f of [B, D]) {
      const st = await waitForSlave(f, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes");
      expect(Number(st.Master_Port)).toBe(A.port);
    }
    expect(await rows(A)).toBeGreaterThanOrEqual(beforeB);
    await A.query("INSERT INTO shop.orders (item) VALUES ('after')");
    await waitForCaughtUp(A, B);
    expect(await checksum(B)).toBe(await checksum(A));
    expect(await failoverView(ids.get(A)!)).toMatchObject({ ok: false, status: 409, error: /not dead/ });
  }, 240_000);

  it("the old source restarted → FormerSourceReturned and read_only=ON within 2 polls", async () => {
    await S.start();
    for (let i = 0; i < 2; i++) {
      await monitor().sweep();
      await monitor().lastFailoverCheck;
    }
    expect(await codes(S)).toContain("FormerSourceReturned");
    expect((await S.query<{ ro: number }[]>("SELECT @@read_only AS ro"))[0].ro).toBe(1);
  });

  it("rejoin with an errant transaction is refused and names it", async () => {
    await S.query("INSERT INTO shop.orders (item) VALUES ('errant')");
    const [{ pos }] = await S.query<{ pos: string }[]>("SELECT @@gtid_binlog_pos AS pos");
    const r = await rejoinFormerSource(ids.get(S)!, { replUser: "repl", replPassword: "repl-pass" }, caller);
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect(!r.ok && r.error).toContain(pos);
    expect(await slaveStatus(S)).toBeUndefined();
  });

  it("a run interrupted by a restart after it began promoting is reported, never run again", async () => {
    const c = await createFailover({ sourceId: ids.get(S)!, candidateId: ids.get(B)!, actor: "dba", auto: false, cluster: "fo-other", options: { replicaIds: [], sourceName: "fo-s", candidateName: "fo-b" } });
    if (!("run" in c)) throw new Error("not created");
    await saveFailover(c.run.id, { steps: c.run.steps.map((s, i) => ({ ...s, status: i < 4 ? "done" : s.id === "promote" ? "running" : "pending" })) });
    expect((await markRunsInterrupted()).failover).toBe(1);
    const run = await getFailover(c.run.id);
    expect(run.ok && run.value).toMatchObject({ status: "failed", runStatus: "interrupted" });
    expect(await startFailover(ids.get(S)!, { candidateId: "auto", confirm: "fo-s" }, caller)).toMatchObject({ ok: false, status: 409, error: /interrupted.*does not promote twice/ });
  });
});

describe("unreachable source (replscope's path cut, replicas fine)", () => {
  it("is UnreachableSource and never offers a failover", async () => {
    const [U, R] = await startSandboxes(2);
    await wireReplication(U, R);
    await useGtid(R);
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((c) => {
      const up = net.connect(U.port, U.host);
      sockets.add(c).add(up);
      c.pipe(up).pipe(c);
      const end = () => (c.destroy(), up.destroy());
      c.on("error", end).on("close", end);
      up.on("error", end).on("close", end);
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    await register(U, "un-u", (proxy.address() as net.AddressInfo).port);
    await register(R, "un-r");
    await monitor().sweep();
    await new Promise<void>((r) => proxy.close(() => r()) && sockets.forEach((s) => s.destroy()));
    for (let i = 0; i < 3; i++) await monitor().sweep();
    expect(await codes(U)).toContain("UnreachableSource");
    expect(await codes(U)).not.toContain("DeadSource");
    expect(await failoverView(ids.get(U)!)).toMatchObject({ ok: false, status: 409, error: /not a failover case/ });
    expect(await startFailover(ids.get(U)!, { candidateId: ids.get(R), confirm: "un-u" }, caller)).toMatchObject({ ok: false, status: 409 });
  }, 120_000);
});
