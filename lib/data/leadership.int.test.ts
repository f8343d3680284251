// The leader lease and fencing on the real database (SQLite, or MariaDB with REPLSCOPE_TEST_BACKEND=mariadb): one
// winner per term, increasing epochs, and a superseded term's background writes refused inside their transaction.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-lease-"));
const { acquireOrRenew, ensureLeaseRows, readLease, releaseLease } = await import("./leadership");
const { FencedError, runInTerm } = await import("./fence");
const { saveSweep, thinSamples } = await import("./status");
const { db } = await import("./db");
const servers = await import("./servers");

const state = (serverId: string, checkedAt: number) => ({ serverId, state: "ok", lagSeconds: null, lagSource: null, snapshot: "{}", checkedAt, reachedAt: checkedAt, stateSince: checkedAt });
const expire = () => db().lease.updateMany({ where: { name: "leader" }, data: { expiresAt: 0 } });

describe("leader lease and fencing", () => {
  it("one instance wins a term; a live lease is not taken; an expired one is, with the next epoch", async () => {
    await ensureLeaseRows();
    await ensureLeaseRows();
    const first = await acquireOrRenew("inst-1", 10_000);
    expect(first).toEqual({ holder: "inst-1", epoch: expect.any(Number) });
    expect(await acquireOrRenew("inst-2", 10_000)).toBeNull();
    expect(await acquireOrRenew("inst-1", 10_000, first!.epoch)).toEqual(first);
    await expire();
    // Both race for the expired lease: exactly one conditional update matches.
    const race = await Promise.all([acquireOrRenew("inst-2", 10_000), acquireOrRenew("inst-3", 10_000)]);
    const winners = race.filter((t) => t !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0].epoch).toBe(first!.epoch + 1);
    expect((await readLease(Date.now()))?.holder).toBe(winners[0].holder);
    await releaseLease(winners[0]);
    expect((await readLease(Date.now()))?.live).toBe(false);
  });

  it("a new process under a live lease's own id takes the next epoch at once, and the earlier process's term is fenced", async () => {
    await expire();
    const before = (await acquireOrRenew("web-a", 10_000))!;
    // The same REPLSCOPE_INSTANCE_ID restarted: this process holds no term, so it does not continue the earlier one.
    const restarted = (await acquireOrRenew("web-a", 10_000, null))!;
    expect(restarted).toEqual({ holder: "web-a", epoch: before.epoch + 1 });
    expect(await acquireOrRenew("web-a", 10_000, before.epoch)).toBeNull();
    expect(await acquireOrRenew("web-a", 10_000, restarted.epoch)).toEqual(restarted);
    expect(await acquireOrRenew("web-b", 10_000)).toBeNull();
    const s = await servers.insertServer({ name: "restarted", host: "127.0.0.1", port: 3998, user: "u", password: "p", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
    await expect(runInTerm(before, () => saveSweep([state(s.id, 100)], []))).rejects.toBeInstanceOf(FencedError);
    await servers.deleteServerRow(s.id);
  });

  it("a superseded term's background writes are refused and leave nothing; the current term's go through", async () => {
    const s = await servers.insertServer({ name: "fenced", host: "127.0.0.1", port: 3999, user: "u", password: "p", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
    await expire();
    const old = (await acquireOrRenew("old", 10_000))!;
    await expire();
    const current = (await acquireOrRenew("new", 10_000))!;
    expect(current.epoch).toBe(old.epoch + 1);
    const sample = { serverId: s.id, channel: "", at: 1, lagSeconds: 1, source: "seconds_behind_master" };
    await expect(runInTerm(old, () => saveSweep([state(s.id, 100)], [sample]))).rejects.toBeInstanceOf(FencedError);
    expect(await db().serverState.count()).toBe(0);
    expect(await db().lagSample.count()).toBe(0);
    await runInTerm(current, () => saveSweep([state(s.id, 200)], [sample]));
    expect((await db().serverState.findUniqueOrThrow({ where: { serverId: s.id } })).checkedAt).toBe(200);
    // Retention is background work too.
    await expect(runInTerm(old, () => thinSamples(10_000_000, 1, []))).rejects.toBeInstanceOf(FencedError);
    expect(await db().lagSample.count()).toBe(1);
    // Outside background work (a request), writes are not fenced.
    await saveSweep([state(s.id, 300)], []);
    expect((await db().serverState.findUniqueOrThrow({ where: { serverId: s.id } })).checkedAt).toBe(300);
  });
});
