// The server page against a real SQLite registry: one registry read per request, and a bad stored snapshot shows "unknown".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-server-page-"));
// Outside Next there is no request: an anonymous one (no session cookie, no Authorization header).
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const { db } = await import("@/lib/data/db");
const { insertServer } = await import("@/lib/data/servers");
const { saveSweep } = await import("@/lib/data/status");
const { serverStatusDetail, statusReport } = await import("./status");
const { default: ServerPage } = await import("@/app/servers/[id]/page");

const add = (name: string) => insertServer({ name, host: `${name}.example`, port: 3306, user: "mon", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope" });
const [a] = await Promise.all([add("page-a"), add("page-b"), add("page-c")]);

// Counts the registry's list reads through Prisma's own extension API (every page read goes through db()).
const reads = { servers: 0, states: 0 };
const base = db();
(globalThis as unknown as { replscopeDb: unknown }).replscopeDb = base.$extends({
  query: {
    server: { async findMany({ args, query }) { reads.servers++; return query(args); }, async findUnique({ args, query }) { reads.servers++; return query(args); } },
    serverState: { async findMany({ args, query }) { reads.states++; return query(args); } },
  },
});
const render = (id: string) => ServerPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });

describe("server page", () => {
  it("reads the registry once and the stored statuses once per request", async () => {
    reads.servers = reads.states = 0;
    await render(a.id);
    expect(reads).toEqual({ servers: 1, states: 1 });
  });
  it("a malformed stored snapshot reads as a clear unknown state (API, overview and page), not an exception", async () => {
    await saveSweep([{ serverId: a.id, state: "ok", lagSeconds: 0, lagSource: "seconds_behind", snapshot: '{"state":"ok","channels":"oops"', checkedAt: 1000, reachedAt: 1000 }], []);
    const detail = await serverStatusDetail(a.id);
    expect(detail?.status).toMatchObject({ state: "unknown", channels: [], facts: null, checkedAt: 1000 });
    expect(detail?.report).toMatchObject({ state: "unknown", lagSeconds: null, error: expect.stringContaining("stored status could not be read") });
    expect((await statusReport()).servers.find((s) => s.id === a.id)?.state).toBe("unknown");
    await expect(render(a.id)).resolves.toBeTruthy();
  });
});
