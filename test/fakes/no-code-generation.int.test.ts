// The poller reads rows without compiling code from what a server sends (mysql2's default builds a row parser with
// `new Function` from each result's column definitions): a poll in a process where V8 refuses code generation from
// strings still reads every family's replica status.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFake } from "./mysql-fake";
import { brokenReplica, twoChannels } from "./scenarios";

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
    const run = promisify(execFile)(process.execPath, ["--disallow-code-generation-from-strings", "--conditions=react-server", "--import", "tsx", script, targets], { timeout: 60_000 });
    const { stdout } = await run;
    const swept = JSON.parse(stdout) as { id: string; state: string; channels: number; error: string | null }[];
    expect(swept.map((s) => s.error)).toEqual(VERSIONS.map(() => null));
    expect(swept.sort((a, b) => a.id.localeCompare(b.id)).map((s) => [s.state, s.channels])).toEqual(VERSIONS.map((_, i) => (i % 2 ? ["critical", 2] : ["broken", 1])));
  });
});
