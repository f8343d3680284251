// Creating sandboxes: a fresh datadir (MariaDB or MySQL initialisation), a free port, the server's options.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { mariadbBinaries } from "./binaries";
import { freePort, Sandbox, type SandboxOptions } from "./instance";
import { DIR_PREFIX, removeStaleSandboxes, track, untrack } from "./registry";

let nextServerId = 1;
let cleaned = false;

/** Creates, starts and registers (for teardown) a new sandbox. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  if (!cleaned) {
    removeStaleSandboxes();
    cleaned = true;
  }
  const { installDb, server, flavor } = mariadbBinaries();
  const dir = fs.mkdtempSync(DIR_PREFIX);
  fs.writeFileSync(path.join(dir, "owner.pid"), String(process.pid));
  const datadir = path.join(dir, "data");
  fs.mkdirSync(path.join(dir, "tmp"));
  const tmp = `--tmpdir=${path.join(dir, "tmp")}`;
  if (flavor === "mysql") await promisify(execFile)(server, ["--no-defaults", "--initialize-insecure", `--datadir=${datadir}`, "--user=root", tmp]);
  else await promisify(execFile)(installDb, ["--no-defaults", `--datadir=${datadir}`, "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db", tmp]);
  const serverId = opts.serverId ?? nextServerId++;
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const args = serverArgs(datadir, dir, port, serverId, opts);
    const sb = new Sandbox(opts.name ?? `sandbox-${serverId}`, port, serverId, dir, args);
    track(sb);
    try {
      await sb.start();
      return sb;
    } catch (e) {
      await sb.kill9();
      untrack(sb);
      if (attempt >= 2 || !/in use|bind/i.test(String(e))) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }
}

function serverArgs(datadir: string, dir: string, port: number, serverId: number, opts: SandboxOptions): string[] {
  const binlog = opts.logBin === false ? [] : ["--log-bin=mysql-bin", "--binlog-format=ROW", "--log-slave-updates=ON"];
  return [
    "--no-defaults", "--user=root", `--datadir=${datadir}`, `--port=${port}`, "--bind-address=127.0.0.1",
    `--socket=${path.join(dir, "sock")}`, `--tmpdir=${path.join(dir, "tmp")}`, `--pid-file=${path.join(datadir, "mariadbd.pid")}`, `--log-error=${path.join(dir, "err.log")}`,
    `--server-id=${serverId}`, ...binlog, "--relay-log=relay-bin", `--report-host=127.0.0.1`, `--report-port=${port}`,
    "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--max-connections=200",
    ...(opts.extraArgs ?? []),
  ];
}

/** Starts several sandboxes in parallel. */
export function startSandboxes(n: number, opts: SandboxOptions = {}): Promise<Sandbox[]> {
  return Promise.all(Array.from({ length: n }, () => startSandbox({ ...opts, serverId: undefined })));
}
