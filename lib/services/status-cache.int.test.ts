// GET /api/status's cached report (real SQLite): a registered, renamed or removed server shows at once (the registry
// stamp changes); new poll results show once the report is older than half a poll interval; nobody waits for a rebuild.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-status-cache-"));
process.env.REPLSCOPE_POLL_INTERVAL_MS = "400";
const { insertServer, updateServerRow, deleteServerRow } = await import("@/lib/data/servers");
const { latestStatuses, saveSweep } = await import("@/lib/data/status");
const { cachedStatusBody, cachedStatusReport } = await import("./status");

let port = 5001;
const register = (name: string) =>
  insertServer({ name, host: "127.0.0.1", port: port++, user: "monitor", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
const names = async () => (await cachedStatusReport()).servers.map((s) => s.name).sort();

describe("cachedStatusReport", () => {
  it("never serves a report older than the registry", async () => {
    const a = await register("cache-a");
    expect(await names()).toEqual(["cache-a"]);
    const b = await register("cache-b");
    expect(await names()).toEqual(["cache-a", "cache-b"]);
    await updateServerRow(b.id, { name: "cache-b2" });
    expect(await names()).toEqual(["cache-a", "cache-b2"]);
    await deleteServerRow(a.id);
    expect(await names()).toEqual(["cache-b2"]);
    expect(JSON.parse(await cachedStatusBody())).toMatchObject({ checkedAt: null, servers: [{ name: "cache-b2", state: "unknown" }] });
  });

  it("shows a new poll result once the report is older than half a poll interval", async () => {
    const [{ id }] = (await cachedStatusReport()).servers;
    const now = Date.now() / 1000;
    const snapshot = { state: "ok", lagSeconds: 0, lagSource: "seconds_behind", error: null, facts: null, source: null, channels: [], checkedAt: now, reachedAt: now };
    await saveSweep([{ serverId: id, state: "ok", lagSeconds: 0, lagSource: "seconds_behind", snapshot: JSON.stringify(snapshot), checkedAt: now, reachedAt: now, stateSince: now }], []);
    await expect.poll(async () => (await cachedStatusReport()).servers[0].state, { timeout: 5000, interval: 100 }).toBe("ok");
  });

  it("serves the last report at once while a rebuild is still running, and the rebuilt one after", async () => {
    const state = globalThis as unknown as { replscopeStatusCache: { builtAt: number; report: unknown }; replscopeStatusBuild: Promise<unknown> | null };
    const last = await cachedStatusReport();
    let finish!: () => void;
    state.replscopeStatusBuild = new Promise<void>((r) => (finish = r)).then(() => state.replscopeStatusCache);
    state.replscopeStatusCache.builtAt = Date.now() - 2 * 400;
    expect(await cachedStatusReport()).toBe(last);
    expect(JSON.parse(await cachedStatusBody()).servers).toHaveLength(1);
    finish();
    await state.replscopeStatusBuild;
    state.replscopeStatusBuild = null;
    await expect.poll(async () => (await cachedStatusReport()) !== last, { timeout: 5000, interval: 100 }).toBe(true);
  });

  it("reads and parses a stored snapshot once per write", async () => {
    const [{ id }] = (await cachedStatusReport()).servers;
    const write = (state: string, at: number) => saveSweep([{ serverId: id, state, lagSeconds: 5, lagSource: "seconds_behind", snapshot: JSON.stringify({ state, lagSeconds: 5, lagSource: "seconds_behind", error: null, facts: null, source: null, channels: [], checkedAt: at, reachedAt: at }), checkedAt: at, reachedAt: at, stateSince: at }], []);
    await write("lagging", 1000);
    const first = (await latestStatuses()).get(id);
    expect(first?.state).toBe("lagging");
    expect((await latestStatuses()).get(id)).toBe(first);
    await write("ok", 1001);
    expect((await latestStatuses()).get(id)).toMatchObject({ state: "ok", checkedAt: 1001 });
  });
});
