// Test connection: greeting over raw TCP, then a real login reading VERSION(); every outcome is a CheckResult.
import "server-only";
import { type CheckResult, classifyError, type DriverError } from "@/lib/domain/connection-check";
import { parseServerVersion, versionText } from "@/lib/domain/dialect";
import { type ServerTarget, withConnection } from "./connection";
import { readGreeting } from "./greeting";

/** The statement that identifies a server. */
export const VERSION_QUERY = "SELECT VERSION() AS version, @@version_comment AS comment";

/** Tests a target within about `timeoutMs` per phase; never throws. */
export async function probeServer(target: ServerTarget, timeoutMs: number): Promise<CheckResult> {
  const where = target.host.includes(":") ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
  const probe = await readGreeting(target.host, target.port, timeoutMs);
  if ("error" in probe) return classifyError(probe.error, where, timeoutMs);
  const g = probe.greeting;
  if (g.kind === "mysql_error") return classifyError({ errno: g.errno, message: g.message }, where, timeoutMs);
  if (g.kind !== "mysql") return classifyError({ code: "NOT_MYSQL" }, where, timeoutMs);
  try {
    const rows = await withConnection(target, { connectTimeoutMs: timeoutMs, queryTimeoutMs: timeoutMs }, (c) =>
      c.query<{ version: string; comment: string | null }[]>(VERSION_QUERY),
    );
    const v = parseServerVersion(rows[0]?.version ?? "", rows[0]?.comment ?? "");
    if (!v) return { status: "error", detail: `${where} answered with an unrecognised version "${rows[0]?.version}".` };
    return { status: "ok", detail: `Connected: ${versionText(v)}.`, flavor: v.flavor, version: v.text };
  } catch (e) {
    return classifyError(e as DriverError, where, timeoutMs);
  }
}
