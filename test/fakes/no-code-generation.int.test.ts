// What a monitored server sends is read as data, never compiled (mysql2's default builds a row parser with
// `new Function` from each result's column definitions): a poll in a process where V8 refuses code generation from
// strings still reads every family's replica status, and hostile column names are data or a clear error.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFake } from "./mysql-fake";
import { brokenReplica, healthyReplica, twoChannels } from "./scenarios";
import { type Polled, pollFakes } from "./poll-without-eval";

const VERSIONS = ["5.7.44", "8.0.21", "8.0.36", "8.4.3", "9.1.0", "10.4.34-MariaDB-log", "11.4.3-MariaDB"];
const fakes: FakeServer[] = [];

beforeAll(async () => {
  for (const [i, version] of VERSIONS.entries()) fakes.push(await startFake({ version, scenario: i % 2 ? twoChannels : brokenReplica }));
});
afterAll(() => Promise.all(fakes.map((f) => f.close())));

describe("polling without code generation", () => {
  it("reads every family's status in a process that forbids compiling strings (fails if rows go through mysql2's generated parser)", async () => {
    const script = path.join(import.meta.dirname, "poll-without-eval.ts");
    const targets = JSON.stringify(fakes.map((f, i) => ({ port: f.port, version: VERSIONS[i] })));
    const { stdout } = await promisify(execFile)(process.execPath, ["--disallow-code-generation-from-strings", "--conditions=react-server", "--import", "tsx", script, targets], { timeout: 60_000 });
    const swept = JSON.parse(stdout) as Polled[];
    expect(swept.map((s) => [s.state, s.channels, s.error])).toEqual(VERSIONS.map((_, i) => (i % 2 ? ["critical", 2, null] : ["broken", 1, null])));
  });

  it("a hostile server's column names are data: code-like names are read, __proto__ is refused with a clear error", async () => {
    const names = ['x"]; process.exit(7); //', "a\\'b`c\u0000d", "__proto__"];
    const hostile = await Promise.all(
      names.map((name) => startFake({ version: "8.0.36", scenario: { ...healthyReplica, extra: [{ match: /SHOW REPLICA STATUS/, columns: [name, "Channel_Name"], rows: [{ [name]: "1", Channel_Name: "" }] }] } })),
    );
    fakes.push(...hostile);
    const polled = await pollFakes(hostile.map((f) => ({ port: f.port, version: "8.0.36" })));
    // Rows without the replica-status columns read as a channel whose threads are not running; nothing ran.
    expect(polled.slice(0, 2).map((p) => [p.state, p.channels, p.error])).toEqual([["stopped", 1, null], ["stopped", 1, null]]);
    expect(polled[2].error).toMatch(/field name \(__proto__\) can't be the same as an object's private property/);
  });
});
