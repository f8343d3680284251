// Finds the MariaDB programs the sandbox harness runs (env override, PATH, then /usr/sbin and /usr/bin).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const EXTRA_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

function lookup(names: string[]): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), ...EXTRA_DIRS].filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {}
    }
  }
  return null;
}

const flavors = new Map<string, "mariadb" | "mysql">();

/** Whether a server binary is MariaDB's or MySQL's (from its --version output; cached). */
export function serverFlavor(server: string): "mariadb" | "mysql" {
  if (!flavors.has(server)) {
    const out = execFileSync(server, ["--version"], { encoding: "utf8" });
    flavors.set(server, /mariadb/i.test(out) ? "mariadb" : "mysql");
  }
  return flavors.get(server)!;
}

/** Paths of the server, installer, dump and client programs; throws with an install hint when one is missing. */
export function mariadbBinaries() {
  const server = process.env.REPLSCOPE_MARIADBD ?? lookup(["mariadbd", "mysqld"]);
  const dir = server ? path.dirname(server) : "";
  const near = (names: string[]) => names.map((n) => path.join(dir, n)).find((p) => fs.existsSync(p)) ?? lookup(names);
  const found = {
    server,
    installDb: near(["mariadb-install-db", "mysql_install_db"]) ?? server,
    dump: lookup(["mariadb-dump", "mysqldump"]),
    client: lookup(["mariadb", "mysql"]),
  };
  const missing = Object.entries(found).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) throw new Error(`MariaDB programs not found (${missing.join(", ")}): apt-get install -y mariadb-server mariadb-client, or set REPLSCOPE_MARIADBD`);
  return { ...(found as { server: string; installDb: string; dump: string; client: string }), flavor: serverFlavor(found.server!) };
}
