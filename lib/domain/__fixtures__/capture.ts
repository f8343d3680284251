// Reads the captured MariaDB 10.11 `\G` output into rows keyed by column name (test fixtures only).
import fs from "node:fs";
import path from "node:path";

const text = fs.readFileSync(path.join(import.meta.dirname, "mariadb-10.11-capture.txt"), "utf8");

/** The rows printed under the first section whose heading contains `heading` (after `from`, when given). */
export function capturedRows(heading: string, from = ""): Record<string, unknown>[] {
  const start = text.indexOf(heading, from ? text.indexOf(from) : 0);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = text.indexOf("\n######## ", start + 1);
  const body = text.slice(start, end < 0 ? undefined : end);
  const rows: Record<string, unknown>[] = [];
  for (const line of body.split("\n")) {
    if (/^\*+ \d+\. row \*+$/.test(line.trim())) rows.push({});
    const m = /^\s*([A-Za-z_@()]+[A-Za-z_0-9@()]*): ?(.*)$/.exec(line);
    if (m && rows.length) rows[rows.length - 1][m[1]] = m[2] === "NULL" ? null : m[2];
  }
  return rows;
}

/** The column names listed under a "-- column names" section whose heading contains `heading`. */
export function capturedColumns(heading: string): string[] {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = text.indexOf("\n######## ", start + 1);
  return [...text.slice(start, end < 0 ? undefined : end).matchAll(/^\s+\d+\t(\S+)$/gm)].map((m) => m[1]);
}
