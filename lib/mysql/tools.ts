// The dump and client programs the copy step pipes together, and a private credentials file for each.
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/config/env";
import { policyFor, toolPlugins } from "@/lib/domain/password-exchange";
import type { ServerTarget } from "./connection";

function onPath(names: string[]): string | null {
  for (const dir of env().PATH.split(path.delimiter).concat(["/usr/bin", "/usr/local/bin"])) {
    for (const n of names) if (dir && fs.existsSync(path.join(dir, n))) return path.join(dir, n);
  }
  return null;
}

/** mariadb-dump / mysqldump and mariadb / mysql (REPLSCOPE_DUMP and REPLSCOPE_CLIENT override). */
export function copyTools(): { dump: string; client: string } {
  const dump = env().REPLSCOPE_DUMP ?? onPath(["mariadb-dump", "mysqldump"]);
  const client = env().REPLSCOPE_CLIENT ?? onPath(["mariadb", "mysql"]);
  if (!dump || !client) throw new Error("mariadb-dump/mysqldump and the mariadb/mysql client must be installed on the replscope host for the dump-and-load copy");
  return { dump, client };
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b" };

/** One option-file value, double-quoted, with backslash, double quote, newline, CR, tab and backspace written as the
 *  escape sequences MariaDB's and MySQL's option-file parser (my_default) turns back into them: no value can end its
 *  line or its quotes, and # or ' inside are plain characters. NUL cannot be written (C strings): refused. */
export function optionValue(value: string | number): string {
  const text = String(value);
  if (text.includes("\0")) throw new Error("A connection value contains a NUL character and cannot be written to an option file.");
  return `"${text.replace(/[\\"\n\r\t\b]/g, (c) => ESCAPES[c])}"`;
}

/** The [client] group for a target: every value quoted (defence in depth; the registry already refuses control
 *  characters), TLS as registered, and the private plugin directory that decides how the password may be sent. */
export function optionFileText(t: ServerTarget, pluginDir?: string): string {
  const lines = ["[client]", `host=${optionValue(t.host)}`, `port=${optionValue(t.port)}`, `user=${optionValue(t.user)}`, `password=${optionValue(t.password)}`, "protocol=TCP"];
  if (t.tlsMode !== "disabled") lines.push("ssl=1");
  if (t.tlsMode === "verify") lines.push("ssl-verify-server-cert");
  if (pluginDir) {
    lines.push(`plugin-dir=${optionValue(pluginDir)}`);
    // The client treats TLS merely asked for as secure and would answer caching_sha2 in clear text: ask for the key instead.
    if (t.tlsMode === "disabled" && fs.existsSync(path.join(pluginDir, "caching_sha2_password.so"))) lines.push("skip-ssl");
  }
  return lines.join("\n") + "\n";
}

/** Where the client library's dynamic auth plugins live (REPLSCOPE_CLIENT_PLUGIN_DIR overrides the usual places). */
function systemPluginDir(): string | null {
  const multiarch = fs.existsSync("/usr/lib") ? fs.readdirSync("/usr/lib").filter((d) => d.includes("-linux-")).map((d) => `/usr/lib/${d}/libmariadb3/plugin`) : [];
  const candidates = [env().REPLSCOPE_CLIENT_PLUGIN_DIR, env().MARIADB_PLUGIN_DIR, ...multiarch, "/usr/lib64/mariadb/plugin", "/usr/lib/mariadb/plugin", "/usr/local/lib/mariadb/plugin", "/opt/homebrew/lib/mariadb/plugin"];
  return candidates.find((d): d is string => !!d && fs.existsSync(d)) ?? null;
}

/** A private plugin directory with only the plugins that cannot give the password away here (toolPlugins). */
function privatePluginDir(dir: string, name: string, t: ServerTarget): string {
  const own = path.join(dir, `${name}-plugins`);
  fs.mkdirSync(own, { mode: 0o700 });
  const from = systemPluginDir();
  for (const p of from ? toolPlugins(t.tlsMode, policyFor(t)) : []) {
    const so = path.join(from!, `${p}.so`);
    if (fs.existsSync(so)) fs.symlinkSync(so, path.join(own, `${p}.so`));
  }
  return own;
}

/** Writes a 0600 option file with the connection and password (never on a command line or in the environment). */
export function writeOptionFile(dir: string, name: string, t: ServerTarget): string {
  const file = path.join(dir, `${name}.cnf`);
  fs.writeFileSync(file, optionFileText(t, privatePluginDir(dir, name, t)), { mode: 0o600 });
  return file;
}

/** A private temporary directory, removed by the returned function. */
export function privateTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-copy-"));
  fs.chmodSync(dir, 0o700);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
