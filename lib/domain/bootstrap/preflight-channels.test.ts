// The wizard refuses a target that already replicates through named channels, even when asked to reset it.
import { describe, expect, it } from "vitest";
import { normaliseFacts } from "../server-facts";
import { parseServerVersion } from "../dialect";
import { type PreflightInput, preflight } from "./preflight";

const ALL = ["GRANT ALL PRIVILEGES ON *.* TO `root`@`%` WITH GRANT OPTION"];
const facts = (id: number) => normaliseFacts({ server_id: id, read_only: 0, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "" });
const v = parseServerVersion("10.11.6-MariaDB")!;
const input = (target: Partial<PreflightInput["target"]>, resetTarget: boolean): PreflightInput => ({
  source: { name: "src", host: "db1", port: 3306, version: v, facts: facts(1), grants: ALL, expireSeconds: 7 * 86_400 },
  target: { name: "tgt", host: "db2", port: 3306, version: v, facts: facts(2), grants: ALL, userDatabases: [], replicating: false, ...target },
  clusterServerIds: [], overwriteTarget: false, resetTarget, estimatedCopySeconds: 600,
});
const idle = (i: PreflightInput) => preflight(i).find((c) => c.id === "target_idle")!;

describe("preflight: a target with other channels", () => {
  it("fails with the channels named and how to remove them, reset or not", () => {
    for (const reset of [false, true]) {
      const c = idle(input({ replicating: true, namedChannels: [{ name: "a", source: "db9:3306" }] }, reset));
      expect(c).toMatchObject({ status: "fail", message: expect.stringContaining(`"a" from db9:3306`), fix: expect.stringContaining("RESET SLAVE 'name' ALL") });
    }
  });
  it("keeps the default-channel rule: reset allowed with a warning", () => {
    expect(idle(input({ replicating: true, namedChannels: [] }, true)).status).toBe("warn");
    expect(idle(input({ replicating: true }, false)).status).toBe("fail");
  });
});

describe("outcome of an operation on a named channel", () => {
  it("is judged on that channel, not the first one", async () => {
    const { reached } = await import("../operations/outcome");
    const ch = (channel: string, io: string, sql: string) => ({ channel, ioThread: io, sqlThread: sql }) as never;
    const n = { channels: [ch("a", "running", "running"), ch("b", "stopped", "stopped")] } as never;
    expect(reached("stopped", n, "b")).toBe(true);
    expect(reached("stopped", n)).toBe(false);
    expect(reached("running", n, "a")).toBe(true);
  });
});
