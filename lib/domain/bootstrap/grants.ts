// Reads SHOW GRANTS output to tell which global privileges an account has (pure).

/** SHOW GRANTS rows → the GRANT lines (the one column is named after the account, "Grants for u@h", so it is read by place). */
export const grantLines = (rows: Record<string, unknown>[]): string[] => rows.map((r) => String(Object.values(r)[0]));

/** Global privileges named in `GRANT … ON *.* TO …` lines, upper-case; "ALL PRIVILEGES" stands for all. */
export function globalPrivileges(grants: string[]): Set<string> {
  const out = new Set<string>();
  for (const line of grants) {
    const m = /^GRANT (.+?) ON \*\.\* TO /i.exec(line.trim());
    if (!m) continue;
    for (const p of m[1].split(",")) out.add(p.trim().toUpperCase().replace(/\s+/g, " "));
  }
  return out;
}

/** Which of `needed` are missing; each need may list alternatives ("BINLOG MONITOR|REPLICATION CLIENT|SUPER"). */
export function missingPrivileges(grants: string[], needed: string[]): string[] {
  const have = globalPrivileges(grants);
  if (have.has("ALL PRIVILEGES") || have.has("ALL")) return [];
  return needed.filter((n) => !n.split("|").some((alt) => have.has(alt)));
}
