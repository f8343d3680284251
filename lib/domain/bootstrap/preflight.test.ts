import { describe, expect, it } from "vitest";
import { normaliseFacts } from "../server-facts";
import { parseServerVersion } from "../dialect";
import { grantLines, missingPrivileges } from "./grants";
import { type PreflightInput, preflight } from "./preflight";

const ALL = ["GRANT ALL PRIVILEGES ON *.* TO `root`@`%` WITH GRANT OPTION"];
const facts = (o: Record<string, unknown>) => normaliseFacts({ server_id: 1, read_only: 0, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "", ...o });

function input(o: { source?: Record<string, unknown>; target?: Record<string, unknown>; extra?: Partial<PreflightInput> } = {}): PreflightInput {
  const v = parseServerVersion("10.11.6-MariaDB")!;
  return {
    source: { name: "src", host: "db1", port: 3306, version: v, facts: facts({ server_id: 1, ...o.source }), grants: ALL, expireSeconds: 7 * 86_400 },
    target: { name: "tgt", host: "db2", port: 3306, version: v, facts: facts({ server_id: 2, ...o.target }), grants: ALL, userDatabases: [], replicating: false },
    clusterServerIds: [{ name: "src", serverId: 1 }, { name: "other", serverId: 3 }],
    overwriteTarget: false,
    resetTarget: false,
    estimatedCopySeconds: 600,
    ...o.extra,
  };
}
const verdict = (i: PreflightInput, id: string) => preflight(i).find((c) => c.id === id)!;

describe("preflight", () => {
  it("passes a clean pair", () => {
    expect(preflight(input()).filter((c) => c.status !== "pass")).toEqual([]);
  });
  it("refuses a target that is its own source", () => {
    const i = input();
    i.target.host = "DB1";
    expect(verdict(i, "distinct")).toMatchObject({ status: "fail", message: expect.stringMatching(/its own replica/) });
  });
  it("refuses a source without binlog and shows the my.cnf lines", () => {
    const c = verdict(input({ source: { log_bin: 0 } }), "log_bin");
    expect(c.status).toBe("fail");
    expect(c.config).toContain("log_bin = mysql-bin");
  });
  it("refuses duplicate or zero server ids, within the cluster too", () => {
    expect(verdict(input({ target: { server_id: 1 } }), "server_id").message).toMatch(/both have server_id 1/);
    expect(verdict(input({ target: { server_id: 3 } }), "server_id").message).toMatch(/already used by other/);
    expect(verdict(input({ source: { server_id: 0 } }), "server_id").status).toBe("fail");
    expect(verdict(input({ target: { server_id: 3 } }), "server_id").config).toContain("server-id = 4");
  });
  it("warns on statement-based binlogs and lists databases that would be overwritten", () => {
    expect(verdict(input({ source: { binlog_format: "MIXED" } }), "binlog_format").status).toBe("warn");
    const i = input();
    i.target.userDatabases = ["shop", "crm"];
    expect(verdict(i, "target_empty")).toMatchObject({ status: "fail", message: expect.stringContaining("shop, crm") });
    expect(verdict({ ...i, overwriteTarget: true }, "target_empty").status).toBe("warn");
  });
  it("refuses an older target, and a MySQL replica of MariaDB", () => {
    const i = input();
    i.target.version = parseServerVersion("10.6.16-MariaDB")!;
    expect(verdict(i, "versions").status).toBe("fail");
    i.target.version = parseServerVersion("8.0.36")!;
    expect(verdict(i, "versions").message).toMatch(/MySQL replica cannot read a MariaDB/);
  });
  it("names missing privileges and short binlog retention", () => {
    const i = input();
    i.source.grants = ["GRANT SELECT, RELOAD ON *.* TO `mon`@`%`"];
    expect(verdict(i, "source_grants").message).toMatch(/lacks: LOCK TABLES, SHOW VIEW, EVENT, TRIGGER, CREATE USER, BINLOG MONITOR/);
    expect(verdict({ ...i, estimatedCopySeconds: 8 * 86_400 }, "retention").status).toBe("fail");
  });
});

describe("grants", () => {
  it("reads SHOW GRANTS rows whatever the account-named column is called", () => {
    expect(grantLines([{ "Grants for repl@%": "GRANT REPLICATION SLAVE ON *.* TO `repl`@`%`" }, { "Grants for repl@%": "GRANT USAGE ON `x`.* TO `repl`@`%`" }])).toEqual([
      "GRANT REPLICATION SLAVE ON *.* TO `repl`@`%`", "GRANT USAGE ON `x`.* TO `repl`@`%`",
    ]);
  });
  it("reads alternatives in SHOW GRANTS", () => {
    expect(missingPrivileges(["GRANT REPLICATION CLIENT ON *.* TO `a`@`%`"], ["BINLOG MONITOR|REPLICATION CLIENT"])).toEqual([]);
    expect(missingPrivileges(["GRANT SELECT ON `shop`.* TO `a`@`%`"], ["SELECT"])).toEqual(["SELECT"]);
  });
});
