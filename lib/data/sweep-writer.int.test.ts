// The poller's SQLite write path (real SQLite): rows land through the prepared statements, and a write transaction
// held by Prisma's connection across awaits makes saveSweep queue behind it (no lock wait on the event loop, no loss).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-sweep-writer-"));
const { insertServer } = await import("./servers");
const { saveSweep, latestStates, lagSamples } = await import("./status");
const { sweepWriter } = await import("./sweep-writer");
const { db } = await import("./db");

const register = (name: string, port: number) =>
  insertServer({ name, host: "127.0.0.1", port, user: "monitor", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
const state = (serverId: string, checkedAt: number) => ({ serverId, state: "ok", lagSeconds: 1.5, lagSource: "seconds_behind", snapshot: `{"checkedAt":${checkedAt}}`, checkedAt, reachedAt: checkedAt, stateSince: 100 });

describe("saveSweep", () => {
  it("upserts latest states and appends lag samples", async () => {
    const a = await register("sw-a", 4001);
    const b = await register("sw-b", 4002);
    await saveSweep([state(a.id, 1000), state(b.id, 1000)], [{ serverId: a.id, channel: "", at: 1000, lagSeconds: 1.5, source: "seconds_behind" }]);
    await saveSweep([state(a.id, 1002)], [{ serverId: a.id, channel: "", at: 1002, lagSeconds: null, source: "unknown" }]);
    const states = new Map((await latestStates()).map((s) => [s.serverId, s]));
    expect(states.get(a.id)).toMatchObject({ state: "ok", lagSeconds: 1.5, snapshot: `{"checkedAt":1002}`, checkedAt: 1002, reachedAt: 1002, stateSince: 100 });
    expect(states.get(b.id)?.checkedAt).toBe(1000);
    expect(await lagSamples(a.id, 0, 2000)).toEqual([
      { channel: "", at: 1000, lagSeconds: 1.5, source: "seconds_behind" },
      { channel: "", at: 1002, lagSeconds: null, source: "unknown" },
    ]);
  });

  it("while Prisma holds a write transaction, the fast path reports busy and saveSweep lands after that commits", async () => {
    const c = await register("sw-c", 4003);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const tx = db().$transaction(async (t) => {
      await t.server.update({ where: { id: c.id }, data: { cluster: "held" } });
      entered();
      await held;
    });
    await inside;
    expect(sweepWriter().save([state(c.id, 2000)], [])).toBe("busy");
    const saved = saveSweep([state(c.id, 2000)], []);
    release();
    await Promise.all([tx, saved]);
    expect((await latestStates()).find((s) => s.serverId === c.id)?.checkedAt).toBe(2000);
  });
});
