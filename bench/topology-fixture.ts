// A generated topology of N servers for the graph benchmark: fan-outs, deep chains, master-master pairs and rings.
import { DEFAULT_THRESHOLDS } from "../lib/domain/health";
import { normaliseReplicaRow } from "../lib/domain/replica-status";
import { normaliseFacts } from "../lib/domain/server-facts";
import { evaluateServer, type ServerStatus } from "../lib/domain/server-status";

/** One generated server: address, cluster, and the sources it replicates from (indexes). */
export interface GenServer {
  name: string;
  host: string;
  port: number;
  cluster: string;
  sources: number[];
}

/** Builds `n` servers in clusters of four shapes, cycling until n is reached. */
export function generateTopology(n: number): GenServer[] {
  const out: GenServer[] = [];
  const add = (cluster: string, sources: number[]) => {
    const i = out.length;
    out.push({ name: `db${i}`, host: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, port: 3306, cluster, sources });
    return i;
  };
  for (let c = 0; out.length < n; c++) {
    const left = n - out.length;
    const shape = c % 4;
    if (shape === 0) {
      const s = add(`fan${c}`, []);
      for (let k = 0; k < Math.min(39, left - 1); k++) add(`fan${c}`, [s]);
    } else if (shape === 1) {
      let prev = add(`chain${c}`, []);
      for (let k = 0; k < Math.min(19, left - 1); k++) prev = add(`chain${c}`, [prev]);
    } else if (shape === 2 && left >= 2) {
      const a = add(`mm${c}`, []);
      const b = add(`mm${c}`, [a]);
      out[a].sources.push(b);
      for (let k = 0; k < Math.min(6, left - 2); k++) add(`mm${c}`, [k % 2 ? a : b]);
    } else if (left >= 3) {
      const a = add(`ring${c}`, []);
      const b = add(`ring${c}`, [a]);
      const d = add(`ring${c}`, [b]);
      out[a].sources.push(d);
    } else add(`solo${c}`, []);
  }
  return out;
}

/** A plausible status for each generated server (lag varies; every 50th link is broken). */
export function generatedStatus(servers: GenServer[], i: number, now: number): ServerStatus {
  const s = servers[i];
  const rows = s.sources.map((j, k) => ({
    Channel_Name: s.sources.length > 1 ? `ch${k}` : "", Master_Host: servers[j].host, Master_Port: 3306, Slave_IO_Running: "Yes",
    Slave_SQL_Running: i % 50 === 0 ? "No" : "Yes", Seconds_Behind_Master: i % 50 === 0 ? null : i % 17, Last_SQL_Errno: i % 50 === 0 ? 1062 : 0,
    Last_SQL_Error: i % 50 === 0 ? "Duplicate entry" : "",
  }));
  const facts = normaliseFacts({ server_id: i + 1, read_only: s.sources.length ? 1 : 0, log_bin: 1, binlog_format: "ROW", log_replica_updates: 1, gtid_current_pos: "" });
  return evaluateServer({ ok: true, channels: rows.map(normaliseReplicaRow), facts, source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, now, null);
}
