import { describe, expect, it } from "vitest";
import { parseServerVersion, SAFE_SQL_MODE } from "../dialect";
import { buildPlan, type PlanInput, runbook, shellQuote, STEP_IDS } from "./plan";

const PASSWORD = `r'e"p\\l ✓`;
const input = (source = "10.11.6-MariaDB", target = "10.11.6-MariaDB", extra: Partial<PlanInput> = {}): PlanInput => ({
  source: { host: "db1", port: 3306, user: "admin", version: parseServerVersion(source)! },
  target: { host: "db2", port: 3307, user: "admin", version: parseServerVersion(target)! },
  replUser: "repl", replHost: "10.0.0.%", replPassword: PASSWORD, reuseUser: false, resetTarget: false, lockForCopy: true, ...extra,
});

describe("buildPlan", () => {
  it("has every step in order, with the classic lock, coordinates, dump, unlock", () => {
    const plan = buildPlan(input());
    expect(plan.map((s) => s.id)).toEqual([...STEP_IDS]);
    const copy = plan.find((s) => s.id === "copy")!.actions.map((a) => ("sql" in a ? a.sql : "shell"));
    expect(copy).toEqual(["FLUSH TABLES WITH READ LOCK", "SHOW BINLOG STATUS", "shell", "UNLOCK TABLES", "FLUSH PRIVILEGES"]);
  });
  it("reads the coordinates and the replica status with the statements each server's version knows", () => {
    const sqlOf = (plan: ReturnType<typeof buildPlan>, id: string) => plan.find((s) => s.id === id)!.actions.flatMap((a) => ("sql" in a ? [a.sql] : []));
    const mysql57 = buildPlan(input("5.7.44", "5.7.44"));
    expect(sqlOf(mysql57, "verify")).toEqual(["SHOW SLAVE STATUS"]);
    expect(sqlOf(mysql57, "copy")[1]).toBe("SHOW MASTER STATUS");
    const mysql84 = buildPlan(input("8.4.3", "8.4.3"));
    expect(sqlOf(mysql84, "verify")).toEqual(["SHOW REPLICA STATUS"]);
    expect(sqlOf(mysql84, "copy")[1]).toBe("SHOW BINARY LOG STATUS");
    expect(sqlOf(buildPlan(input()), "verify")).toEqual(["SHOW ALL REPLICAS STATUS"]);
    expect(sqlOf(buildPlan(input("10.4.34-MariaDB", "10.4.34-MariaDB")), "verify")).toEqual(["SHOW ALL SLAVES STATUS"]);
  });
  it("uses --single-transaction with --source-data on MySQL 8 when no lock is needed", () => {
    const copy = buildPlan(input("8.4.3", "8.4.3", { lockForCopy: false })).find((s) => s.id === "copy")!;
    expect(copy.actions).toEqual([{ shell: expect.stringMatching(/^mysqldump .*--single-transaction --source-data=2 \| mysql /) }, { on: "target", sql: "FLUSH PRIVILEGES" }]);
  });
  it("points a MySQL 8.4 target with CHANGE REPLICATION SOURCE and the public key option", () => {
    const point = buildPlan(input("8.4.3", "8.4.3")).find((s) => s.id === "point")!.actions[0];
    expect("sql" in point && point.sql).toMatch(/^CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', .*SOURCE_LOG_FILE='<file>', SOURCE_LOG_POS=<position>, GET_SOURCE_PUBLIC_KEY=1$/);
  });
  it("resets a target that already replicates when the user chose to", () => {
    const copy = buildPlan(input(undefined, undefined, { resetTarget: true })).find((s) => s.id === "copy")!;
    expect(copy.actions.slice(0, 2)).toEqual([{ on: "target", sql: "STOP REPLICA" }, { on: "target", sql: "RESET REPLICA ALL" }]);
  });
});

describe("runbook", () => {
  it("quotes SQL for the shell so nothing inside expands", () => {
    expect(shellQuote("it's $HOME `x`")).toBe("'it'\\''s $HOME `x`'");
  });
  it("lists every command a DBA runs by hand, with the password masked", () => {
    const text = runbook(input());
    expect(text).toContain("# 1. Check both servers");
    expect(text).toContain(shellQuote(`${SAFE_SQL_MODE}; CREATE USER 'repl'@'10.0.0.%' IDENTIFIED BY '*****'`));
    expect(text).toContain("mariadb-dump -h 'db1' -P '3306' -u 'admin' -p --all-databases");
    expect(text).not.toContain("r'e");
    expect(text).not.toContain("✓");
  });
  it("SQL with quoted values first drops NO_BACKSLASH_ESCAPES from its session; SQL without values is left as it is", () => {
    const sql = runbook(input()).split("\n").filter((l) => / -e /.test(l));
    const withValues = sql.filter((l) => l.includes("'\\''"));
    expect(withValues.length).toBeGreaterThan(2);
    for (const line of withValues) expect(line).toContain(`-p -e ${shellQuote(SAFE_SQL_MODE).slice(0, -1)}; `);
    expect(sql).toContain("mariadb -h 'db1' -P '3306' -u 'admin' -p -e 'SHOW GRANTS'");
  });
});
