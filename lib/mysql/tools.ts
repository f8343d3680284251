// The dump and client programs the copy step pipes together, and a private credentials file for each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ServerTarget } from "./connection";

function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat(["/usr/bin", "/usr/local/bin"])) {
    for (const n of names) if (dir && fs.existsSync(path.join(dir, n))) return path.join(dir, n);
  }
  return null;
}

/** mariadb-dump / mysqldump and mariadb / mysql (REPLSCOPE_DUMP and REPLSCOPE_CLIENT override). */
export function copyTools(): { dump: string; client: string } {
  const dump = process.env.REPLSCOPE_DUMP ?? onPath(["mariadb-dump", "mysqldump"]);
  const client = process.env.REPLSCOPE_CLIENT ?? onPath(["mariadb", "mysql"]);
  if (!dump || !client) throw new Error("mariadb-dump/mysqldump and the mariadb/mysql client must be installed on the replscope host for the dump-and-load copy");
  return { dump, client };
}

/** Writes a 0600 option file with the connection and password (never on a command line or in the environment). */
export function writeOptionFile(dir: string, name: string, t: ServerTarget): string {
  const file = path.join(dir, `${name}.cnf`);
  const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = ["[client]", `host=${t.host}`, `port=${t.port}`, `user=${quote(t.user)}`, `password=${quote(t.password)}`, "protocol=TCP"];
  if (t.tlsMode !== "disabled") lines.push("ssl=1");
  fs.writeFileSync(file, lines.join("\n") + "\n", { mode: 0o600 });
  return file;
}

/** A private temporary directory, removed by the returned function. */
export function privateTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-copy-"));
  fs.chmodSync(dir, 0o700);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
