// replscope's own files are private: from an empty directory, through the real code paths that create them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PARENT = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-modes-"));
const DATA = path.join(PARENT, "data");
process.env.REPLSCOPE_DATA_DIR = DATA;
delete process.env.REPLSCOPE_SECRET_KEY;
process.umask(0o022); // a usual default: the code must not rely on the umask of whoever starts it

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("data directory modes", () => {
  it("creates the directory 0700 and the database, its WAL, the key and the setup code 0600", async () => {
    const { db } = await import("./db");
    const { seal } = await import("./secret-box");
    const { storeSetupCode } = await import("./setup");
    await db().auditEntry.create({ data: { actor: "t", action: "t", statement: "write something", durationMs: 0 } });
    seal("x");
    await storeSetupCode("ABCD-EFGH-JKLM-NPQR-STUV");
    expect(mode(DATA)).toBe(0o700);
    const files = fs.readdirSync(DATA).sort();
    expect(files).toEqual(expect.arrayContaining(["replscope.db", "replscope.db-wal", "replscope.db-shm", "secret.key", "setup-code"]));
    for (const f of files) expect([f, mode(path.join(DATA, f))]).toEqual([f, 0o600]);
  });

  it("tightens an existing directory and files left readable by an older version", async () => {
    const { applyMigrations } = await import("./migrate");
    const old = path.join(PARENT, "old");
    fs.mkdirSync(old, { mode: 0o755 });
    fs.chmodSync(old, 0o755);
    for (const f of ["replscope.db", "secret.key", "setup-code"]) fs.writeFileSync(path.join(old, f), "", { mode: 0o644 });
    fs.writeFileSync(path.join(old, "notes.txt"), "mine", { mode: 0o644 });
    fs.rmSync(path.join(old, "replscope.db"));
    applyMigrations(path.join(old, "replscope.db"), path.resolve("prisma/migrations"));
    expect(mode(old)).toBe(0o700);
    for (const f of ["replscope.db", "secret.key", "setup-code"]) expect([f, mode(path.join(old, f))]).toEqual([f, 0o600]);
    expect(mode(path.join(old, "notes.txt"))).toBe(0o644);
  });

  it("leaves a shared (world-writable) directory's mode alone and warns", async () => {
    const { securePrivateDir } = await import("./data-dir");
    const shared = path.join(PARENT, "shared");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o1777);
    fs.writeFileSync(path.join(shared, "replscope.db"), "", { mode: 0o644 });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      securePrivateDir(shared);
    } finally {
      console.warn = warn;
    }
    expect(fs.statSync(shared).mode & 0o1777).toBe(0o1777);
    expect(warnings.join("\n")).toMatch(/readable by other users/);
    expect(mode(path.join(shared, "replscope.db"))).toBe(0o600);
  });
});
