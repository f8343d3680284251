// live-server's auditedExec (operations, the wizard and the switchover) hands the caller's secrets to the audit writer:
// a server error that quotes a run's replication password is stored masked, the statement too, the message kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startFake } from "./mysql-fake";
import { healthyReplica } from "./scenarios";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-fake-live-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("@/lib/services/servers");
const { auditedExec, loadLive, onServer } = await import("@/lib/services/live-server");
const { listAudit } = await import("@/lib/data/audit");

const REPL = "Repl-Secret-0123456789";
const fake = await startFake({ version: "8.0.36", scenario: healthyReplica });
afterAll(() => fake.close());

describe("auditedExec", () => {
  it("stores a failed statement's error with the given secrets masked (the fake quotes the statement back)", async () => {
    const r = await createServer({ name: "live-audit", host: "127.0.0.1", port: fake.port, user: "root", password: "server-pw-987" });
    if (!r.ok) throw new Error(r.error);
    const live = await loadLive(r.value.server.id);
    const sql = `DO '${REPL}'`;
    await expect(onServer(live, (c) => auditedExec(c, live, sql, "test:live", { actor: "dba", address: null }, [REPL]))).rejects.toThrow(REPL);
    expect(fake.queries).toContain(sql);
    const [entry] = await listAudit({ action: "test:live" });
    expect(entry).toMatchObject({ statement: "DO '*****'", error: expect.stringMatching(/^You have an error in your SQL syntax; .* near 'DO '\*\*\*\*\*'' at line 1$/) });
    expect(JSON.stringify(entry)).not.toContain(REPL.slice(0, 8));
  });
});
