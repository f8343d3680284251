// mariadb 3.4 rejects a promise nobody awaits when a new connection's first statements fail (as when the backend
// restarts mid-connect): replscope must survive it (an instance died of it in the backend-restart test), while any
// other unhandled rejection still ends the process as Node's default does. Real driver, real MariaDB sandbox.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll } from "@/sandbox";

let backend: Sandbox;

beforeAll(async () => {
  backend = await startSandbox({ name: "replscope-backend", logBin: false });
}, 120_000);

afterAll(teardownAll);

const child = (then: string) =>
  spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/backend/driver-guard-child.ts", `mysql://root@127.0.0.1:${backend.port}/mysql`, then], { encoding: "utf8", timeout: 60_000 });

describe("the driver's stray rejection on a failed connection start", () => {
  it("is logged, and the process keeps running", () => {
    const r = child("none");
    expect(r.stdout).toContain("refused:");
    expect(r.stderr).toContain("a connection to the database failed while opening");
    expect(r.stdout).toContain("still running");
    expect(r.status).toBe(0);
  });

  it("any other unhandled rejection still ends the process", () => {
    const r = child("ordinary");
    expect(r.stderr).toContain("an ordinary unhandled rejection");
    expect(r.stdout).not.toContain("still running");
    expect(r.status).not.toBe(0);
  });
});
