import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPlan, type PlanInput, runbook } from "./bootstrap/plan";
import { parseServerVersion } from "./dialect";
import { shellQuote } from "./shell";

const echo = (text: string) => execFileSync("bash", ["-c", `printf '<%s>' ${text}`], { encoding: "utf8" });

describe("shellQuote", () => {
  it("single-quotes, with '\\'' for an embedded quote", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote(3306)).toBe("'3306'");
  });
  it("makes any text exactly one argument that bash does not expand", () => {
    for (const v of ["x; touch /tmp/pwned", "$(id)", "`id`", "it's", "a b\tc\nd", "$HOME", "'", "\\", "--all-databases", ""]) expect(echo(shellQuote(v))).toBe(`<${v}>`);
  });
});

describe("runbook and dump command quoting", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-shell-"));
  const pwned = path.join(dir, "pwned");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const v = parseServerVersion("10.11.6-MariaDB")!;
  const input: PlanInput = {
    source: { host: "$(touch " + pwned + ")", port: 3306, user: `x; touch ${pwned}`, version: v },
    target: { host: "db2", port: 3307, user: "it's", version: v },
    replUser: "repl", replHost: "%", replPassword: "pw", reuseUser: false, resetTarget: false, lockForCopy: true,
  };

  it("quotes every host, port and user in the generated commands", () => {
    const dump = buildPlan(input).flatMap((s) => s.actions).find((a) => "shell" in a)!;
    expect("shell" in dump && dump.shell).toContain(`-h ${shellQuote(input.source.host)} -P '3306' -u ${shellQuote(input.source.user)} -p`);
    expect(runbook(input)).toContain(`mariadb -h 'db2' -P '3307' -u 'it'\\''s' -p -e `);
  });

  it("run as a bash script (the programs replaced by stand-ins that print their arguments), runs nothing else", () => {
    const standIns = ["mariadb-dump", "mariadb", "mysql", "mysqldump"].map((p) => `${p}() { printf '<%s>' "$@" >&2; echo >&2; }`).join("\n");
    const r = spawnSync("bash", ["-c", `${standIns}\n${runbook(input)}`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const stderr = r.stderr;
    expect(stderr).toContain(`<-u><x; touch ${pwned}><-p>`);
    expect(stderr).toContain(`<-h><$(touch ${pwned})>`);
    expect(stderr).toContain("<-u><it's><-p>");
    expect(stderr).toContain("<--init-command=SET SESSION sql_log_bin=0>");
    expect(fs.existsSync(pwned)).toBe(false);
  });
});
