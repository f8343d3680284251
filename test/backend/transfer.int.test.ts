// Moving an SQLite install to a MariaDB backend: db:export with the old settings, db:import into an empty database
// with REPLSCOPE_DATABASE_URL; rows arrive unchanged and sealed passwords still open with the same secret key.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "@/sandbox";

const SECRET = "cd".repeat(32);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-transfer-"));
let backend: Sandbox | undefined;

afterAll(async () => {
  await backend?.destroy();
});

// Without this process's own backend choice (the MariaDB test pass sets REPLSCOPE_DATABASE_URL).
const { REPLSCOPE_DATABASE_URL: _ours, ...inherited } = process.env;
const run = (script: string, env: Record<string, string>) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...script.split(" ")], { env: { ...inherited, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 50_000 });

describe("db:export / db:import", () => {
  it("copies an SQLite install into an empty MariaDB database, sealed secrets intact", { timeout: 180_000 }, async () => {
    const file = path.join(dataDir, "export.json");
    const sqliteEnv = { REPLSCOPE_DATA_DIR: dataDir, REPLSCOPE_SECRET_KEY: SECRET };
    run("test/backend/transfer-seed.ts", sqliteEnv);
    run(`scripts/db-transfer.ts export ${file}`, sqliteEnv);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    backend = await startSandbox({ name: "replscope-transfer", logBin: false });
    await backend.query("CREATE DATABASE moved");
    const mysqlEnv = { ...sqliteEnv, REPLSCOPE_DATABASE_URL: `mysql://root@127.0.0.1:${backend.port}/moved` };
    run(`scripts/db-transfer.ts import ${file}`, mysqlEnv);
    const rows = await backend.query<{ name: string; tags: string; passwordEnc: string }[]>("SELECT name, tags, passwordEnc FROM moved.Server ORDER BY name");
    expect(rows.map((r) => [r.name, r.tags])).toEqual([["db-one", "a,b"], ["db-two", ""]]);
    expect(Number((await backend.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM moved.User"))[0].n)).toBe(1);
    // The same key opens the moved passwords; a second import into the now full database is refused.
    expect(run("test/backend/transfer-seed.ts check", mysqlEnv).trim()).toBe("pw-one,pw-two");
    expect(() => run(`scripts/db-transfer.ts import ${file}`, mysqlEnv)).toThrow(/not empty/);
  });
});
