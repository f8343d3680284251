// deploy/prometheus/replscope-alerts.yml checked and unit-tested by the real promtool (Debian package `prometheus`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/services/metrics";

const DIR = path.resolve(import.meta.dirname, "../../deploy/prometheus");
const RULES = path.join(DIR, "replscope-alerts.yml");
const TESTS = path.join(DIR, "replscope-alerts.test.yml");
const ALERTS = ["ReplscopeReplicationNotRunning", "ReplscopeReplicationLagCritical", "ReplscopeReplicationLagWarning", "ReplscopeServerUnreachable", "ReplscopeCheckStale", "ReplscopePollerStalled", "ReplscopeSemiSyncDegraded", "ReplscopeSemiSyncNoReplicas"];

function promtool(...args: string[]) {
  const r = spawnSync("promtool", args, { encoding: "utf8", timeout: 30_000 });
  if (r.error) throw new Error(`promtool could not run (${r.error.message}); install the Debian package "prometheus" (.ci/run does)`);
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The rules file with one alert's lines rewritten by `edit` (the rule block runs to the next `- alert:`). */
function mutate(alert: string, edit: (block: string[]) => string[]): string {
  const lines = fs.readFileSync(RULES, "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === `- alert: ${alert}`);
  const next = lines.findIndex((l, i) => i > start && l.trim().startsWith("- alert:"));
  const end = next === -1 ? lines.length : next;
  expect(start).toBeGreaterThan(-1);
  return [...lines.slice(0, start), ...edit(lines.slice(start, end)), ...lines.slice(end)].join("\n");
}

/** Runs the promtool unit tests against a modified copy of the rules. */
function testWithRules(rules: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-rules-"));
  fs.writeFileSync(path.join(dir, "replscope-alerts.yml"), rules);
  fs.copyFileSync(TESTS, path.join(dir, "replscope-alerts.test.yml"));
  try {
    return promtool("test", "rules", path.join(dir, "replscope-alerts.test.yml"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("Prometheus alert rules", () => {
  it("have promtool installed (a missing promtool fails every test here, never skips)", () => {
    expect(promtool("--version").out).toMatch(/promtool, version/);
  });

  it("pass promtool check rules", () => {
    const r = promtool("check", "rules", RULES);
    expect(r.out).toContain(`SUCCESS: ${ALERTS.length} rules found`);
    expect(r.code).toBe(0);
  });

  it("pass their promtool unit tests", () => {
    const r = promtool("test", "rules", TESTS);
    expect(r.out).toContain("SUCCESS");
    expect(r.code).toBe(0);
  });

  it("define each alert with a severity, summary and description", () => {
    const text = fs.readFileSync(RULES, "utf8");
    expect([...text.matchAll(/- alert: (\w+)/g)].map((m) => m[1])).toEqual(ALERTS);
    for (const a of ALERTS) {
      const block = text.split(`- alert: ${a}\n`)[1].split("- alert:")[0];
      expect(block, a).toMatch(/severity: (critical|warning)/);
      expect(block, a).toMatch(/summary: /);
      expect(block, a).toMatch(/description: /);
    }
  });

  it("use only metrics that replscope's /metrics exports", async () => {
    const used = new Set(fs.readFileSync(RULES, "utf8").match(/replscope_[a-z_]+/g));
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((m) => m.name));
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(exported, name).toContain(name);
  });

  // The unit tests are only worth having if they notice a broken rule: each alert's `for` and firing are covered.
  it.each(ALERTS)("have unit tests that fail when %s fires without waiting for its `for`", (alert) => {
    const rules = mutate(alert, (b) => b.map((l) => l.replace(/^(\s+for:) \S+$/, "$1 0s")));
    expect(rules).not.toBe(fs.readFileSync(RULES, "utf8"));
    const r = testWithRules(rules);
    expect(r.out).toContain(`alertname: ${alert}`);
    expect(r.code).not.toBe(0);
  });

  it.each(ALERTS)("have unit tests that fail when %s never fires", (alert) => {
    const rules = mutate(alert, (b) => {
      const expr = b.findIndex((l) => l.trim().startsWith("expr:"));
      const forLine = b.findIndex((l) => l.trim().startsWith("for:"));
      return [...b.slice(0, expr), "        expr: vector(0) > 1", ...b.slice(forLine)];
    });
    const r = testWithRules(rules);
    expect(r.out).toContain(`alertname: ${alert}`);
    expect(r.code).not.toBe(0);
  });
});
