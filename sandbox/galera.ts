// A real MariaDB Galera cluster on loopback: the first member bootstraps, the others join it by IST. Every
// mariadbd runs as the `mysql` user on datadirs it owns (as root, the joiner's rsync daemon drops to `nobody` and
// cannot enter the datadir). Ports are fixed below 32768 (the kernel's outgoing range starts there).
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { mariadbBinaries } from "./binaries";
import { Sandbox } from "./instance";
import { DIR_PREFIX, removeStaleSandboxes, track } from "./registry";

/** Where Debian's galera-4 package puts the provider. */
export const GALERA_PROVIDER = process.env.REPLSCOPE_GALERA_PROVIDER ?? "/usr/lib/galera/libgalera_smm.so";

/** Ports of one member: SQL, group communication, IST receiver, SST receiver. */
interface MemberPorts {
  sql: number;
  gcomm: number;
  ist: number;
  sst: number;
}

/** A running Galera cluster: its members are ordinary sandboxes (pause, resume, stop, query work as usual). */
export interface GaleraCluster {
  name: string;
  members: Sandbox[];
  /** Waits until every member that is not frozen reports `wsrep_cluster_size` = `size` and Synced. */
  waitForSize(size: number, timeoutMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

/** True when nothing listens on (and nothing holds) 127.0.0.1:port. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** `count` consecutive free ports in 28000–29999, a range of their own (below the ephemeral range, so no client can self-connect to them). */
async function freeLowPorts(count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 28000 + Math.floor(Math.random() * (2000 - count));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return ports;
  }
  throw new Error("no free block of loopback ports in 28000–29999");
}

function galeraArgs(dir: string, p: MemberPorts, serverId: number, node: string, cluster: string, peers: string): string[] {
  const datadir = path.join(dir, "data");
  const provider = [
    `gmcast.listen_addr=tcp://127.0.0.1:${p.gcomm}`, `ist.recv_addr=127.0.0.1:${p.ist}`, "gcache.size=16M",
    "evs.suspect_timeout=PT3S", "evs.inactive_timeout=PT6S", "evs.keepalive_period=PT1S", "evs.inactive_check_period=PT0.5S",
  ].join(";");
  return [
    "--no-defaults", "--user=mysql", `--datadir=${datadir}`, `--port=${p.sql}`, "--bind-address=127.0.0.1",
    `--socket=${path.join(dir, "sock")}`, `--tmpdir=${path.join(dir, "tmp")}`, `--pid-file=${path.join(datadir, "mariadbd.pid")}`, `--log-error=${path.join(dir, "err.log")}`,
    `--server-id=${serverId}`, "--log-bin=mysql-bin", "--binlog-format=ROW", "--log-slave-updates=ON", "--relay-log=relay-bin",
    "--report-host=127.0.0.1", `--report-port=${p.sql}`, "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
    "--innodb-autoinc-lock-mode=2", "--default-storage-engine=InnoDB",
    "--wsrep-on=ON", `--wsrep-provider=${GALERA_PROVIDER}`, `--wsrep-cluster-name=${cluster}`, `--wsrep-cluster-address=${peers}`,
    `--wsrep-node-name=${node}`, `--wsrep-node-address=127.0.0.1:${p.gcomm}`, `--wsrep-node-incoming-address=127.0.0.1:${p.sql}`,
    `--wsrep-provider-options=${provider}`, `--wsrep-sst-receive-address=127.0.0.1:${p.sst}`, "--wsrep-sst-method=rsync",
  ];
}

/** Polls a member until `check` holds on its wsrep status (a frozen or non-Primary member may refuse: retried). */
export async function waitForWsrep(sb: Sandbox, check: (s: Record<string, string>) => boolean, timeoutMs = 30_000): Promise<Record<string, string>> {
  const end = Date.now() + timeoutMs;
  let last: Record<string, string> = {};
  while (Date.now() < end) {
    try {
      const rows = await sb.query<{ Variable_name: string; Value: string }[]>("SHOW GLOBAL STATUS LIKE 'wsrep%'");
      last = Object.fromEntries(rows.map((r) => [r.Variable_name.toLowerCase(), String(r.Value)]));
      if (check(last)) return last;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${sb.name}: wsrep condition not met in ${timeoutMs} ms (last: size ${last.wsrep_cluster_size}, ${last.wsrep_cluster_status}, ${last.wsrep_local_state_comment})\n${sb.errorLogTail()}`);
}

let nextServerId = 900;

/** Starts an `n`-member Galera cluster on loopback (about 10 s for three members). */
export async function startGaleraCluster(n = 3, name = "galera"): Promise<GaleraCluster> {
  removeStaleSandboxes();
  const { installDb } = mariadbBinaries();
  const flat = await freeLowPorts(4 * n);
  const ports: MemberPorts[] = Array.from({ length: n }, (_, i) => ({ sql: flat[4 * i], gcomm: flat[4 * i + 1], ist: flat[4 * i + 2], sst: flat[4 * i + 3] }));
  const peers = `gcomm://${ports.map((p) => `127.0.0.1:${p.gcomm}`).join(",")}`;
  const dirs = ports.map(() => {
    const dir = fs.mkdtempSync(DIR_PREFIX);
    fs.writeFileSync(path.join(dir, "owner.pid"), String(process.pid));
    fs.mkdirSync(path.join(dir, "tmp"));
    fs.chmodSync(dir, 0o755);
    return dir;
  });
  const install = (dir: string) =>
    promisify(execFile)(installDb, ["--no-defaults", `--datadir=${path.join(dir, "data")}`, "--user=mysql", "--auth-root-authentication-method=normal", "--skip-test-db", `--tmpdir=${path.join(dir, "tmp")}`]);
  for (const dir of dirs) await promisify(execFile)("chown", ["-R", "mysql:", dir]);
  await install(dirs[0]);
  // The first member is started with --wsrep-new-cluster (it bootstraps the primary component); the others join it.
  const members = ports.map((p, i) => {
    const node = `${name}-${i + 1}`;
    const id = nextServerId++;
    const args = [...galeraArgs(dirs[i], p, id, node, name, i === 0 ? "gcomm://" : peers), ...(i === 0 ? ["--wsrep-new-cluster"] : [])];
    const sb = new Sandbox(node, p.sql, id, dirs[i], args);
    sb.startTimeoutMs = 150_000;
    track(sb);
    return sb;
  });
  const first = members[0];
  try {
    // Bootstrap, stop cleanly, copy the datadir (with grastate.dat): the joiners then share the first member's state and
    // join by IST (the rsync script only runs in bypass mode), much faster than a full SST on a loaded machine.
    await first.start();
    await waitForWsrep(first, (s) => s.wsrep_ready === "ON");
    if (n === 1) return await finish(name, members, n);
    await first.stop();
    for (const dir of dirs.slice(1)) {
      fs.cpSync(path.join(dirs[0], "data"), path.join(dir, "data"), { recursive: true });
      await promisify(execFile)("chown", ["-R", "mysql:", dir]);
    }
    await first.start();
    await waitForWsrep(first, (s) => s.wsrep_ready === "ON");
    await Promise.all(members.slice(1).map((m) => m.start()));
  } catch (e) {
    await Promise.all(members.map((m) => m.destroy()));
    throw e;
  }
  return finish(name, members, n);
}

/** The cluster handle once every member runs: waits until all `n` are Synced in one component. */
async function finish(name: string, members: Sandbox[], n: number): Promise<GaleraCluster> {
  const cluster: GaleraCluster = {
    name,
    members,
    async waitForSize(size, timeoutMs = 30_000) {
      const live = members.filter((m) => m.pid() !== undefined && !m.isPaused);
      await Promise.all(live.map((m) => waitForWsrep(m, (s) => Number(s.wsrep_cluster_size) === size && s.wsrep_local_state_comment === "Synced", timeoutMs)));
    },
    destroy: async () => {
      await Promise.all(members.map((m) => m.destroy()));
    },
  };
  await cluster.waitForSize(n);
  return cluster;
}
