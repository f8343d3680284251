// The writers of stored text mask what they write: the audit trail (the server's password, given secrets, password
// clauses), bootstrap step logs and errors, switchover logs, reports and errors (the run's and its servers' passwords).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-masking-data-"));
const { insertServer } = await import("./servers");
const { listAudit, recordAudit, recordMutation } = await import("./audit");
const bootstrap = await import("./bootstrap");
const switchover = await import("./switchover");

const SERVER_PW = "server-account-pw-1";
const REPL_PW = "replication-pw-XYZ-2";
const server = (name: string) => insertServer({ name, host: `${name}.example`, port: 3306, user: "mon", password: SERVER_PW, tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope" });
const quoting = (pw: string) => `You have an error in your SQL syntax; check the manual near '${pw.slice(3)}' at line 1`;

describe("stored text is masked by its writer", () => {
  it("audit entries: the server's stored password, the given secrets, and any password clause", async () => {
    const s = await server("audited");
    await recordAudit({ actor: "dba", action: "op", serverId: s.id, serverName: s.name, statement: "SET PASSWORD = 'x'", durationMs: 1, error: quoting(SERVER_PW) });
    await recordMutation({ actor: "dba", address: null, action: "switchover.failed", what: "switchover", error: `String '${REPL_PW.slice(0, 10)}...' is not ${REPL_PW}`, secrets: [REPL_PW] });
    const text = JSON.stringify(await listAudit({ actor: "dba" }));
    expect(text).toContain("SET PASSWORD = '*****'");
    expect(text).toContain("near '*****' at line 1");
    for (const pw of [SERVER_PW, REPL_PW]) expect(text).not.toContain(pw.slice(3, 14));
  });

  it("bootstrap step logs, step errors and the run's error", async () => {
    const [src, dst] = await Promise.all([server("bs-source"), server("bs-target")]);
    const created = await bootstrap.createRun(src.id, dst.id, { replUser: "r", replHost: "%", reuseUser: false, copyMode: "auto", useGtid: false, overwriteTarget: false, resetTarget: false }, REPL_PW);
    if (!("run" in created)) throw new Error("not created");
    const id = created.run.id;
    await bootstrap.saveStep(id, "point", { status: "failed", log: [{ at: "now", text: `CHANGE MASTER TO MASTER_PASSWORD='${REPL_PW}'`, error: quoting(REPL_PW) }], error: quoting(SERVER_PW) });
    await bootstrap.updateRun(id, { status: "failed", error: quoting(REPL_PW) });
    const text = JSON.stringify(await bootstrap.findRun(id));
    expect(text).toContain("MASTER_PASSWORD='*****'");
    for (const pw of [SERVER_PW, REPL_PW]) expect(text).not.toContain(pw.slice(3, 14));
  });

  it("switchover steps, report and error", async () => {
    const [src, cand, sib] = await Promise.all([server("so-source"), server("so-candidate"), server("so-sibling")]);
    const created = await switchover.createSwitchover(src.id, cand.id, "dba", { replUser: "r", siblingIds: [sib.id], catchUpSeconds: 60, verifyCredentials: true }, REPL_PW);
    if (!("run" in created)) throw new Error("not created");
    const steps = created.run.steps.map((s, i) => (i === 0 ? { ...s, status: "failed" as const, error: quoting(REPL_PW), log: [{ at: "now", text: "CHANGE MASTER TO MASTER_PASSWORD='p'", error: `near '${SERVER_PW}'` }] } : s));
    await switchover.saveSwitchover(created.run.id, { status: "failed", steps, report: [{ name: "so-sibling", role: "sibling", standing: `could not be read: ${quoting(SERVER_PW)}` }], error: quoting(REPL_PW) });
    const text = JSON.stringify(await switchover.findSwitchover(created.run.id));
    expect(text).toContain("MASTER_PASSWORD='*****'");
    for (const pw of [SERVER_PW, REPL_PW]) expect(text).not.toContain(pw.slice(3, 14));
  });
});
