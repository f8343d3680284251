// A Galera node's view of its cluster, from the wsrep variables and status counters (pure: rows in, state out).
import { cellText } from "./cell-text";

/** One Galera node's cluster state as it reports it (null on the server when wsrep_on is OFF or absent). */
export interface GaleraState {
  clusterName: string | null;
  nodeName: string | null;
  /** wsrep_cluster_size: members in this node's component. */
  clusterSize: number;
  /** wsrep_cluster_status: "Primary", "non-Primary" or "Disconnected". */
  clusterStatus: string;
  /** True when this node is in the primary component (has quorum). */
  primary: boolean;
  /** wsrep_local_state_comment: Synced, Donor/Desynced, Joining, Joined, … */
  localState: string;
  ready: boolean;
  connected: boolean;
  /** wsrep_flow_control_paused: fraction of time replication was paused by flow control since the last FLUSH STATUS. */
  flowControlPaused: number;
  recvQueueAvg: number;
  stateUuid: string;
  /** wsrep_incoming_addresses: host:port of every member's client port (as each member announces it). */
  incomingAddresses: string[];
  /** wsrep_desync=ON: desynced on purpose (backup, schema upgrade), not a fault. */
  desync: boolean;
}

type Row = Record<string, unknown>;

/** SHOW VARIABLES / SHOW STATUS rows as a name → value map (lower-case names). */
export function nameValueMap(rows: Row[]): Map<string, string> {
  return new Map(rows.map((r) => [cellText(r.Variable_name ?? r.variable_name).toLowerCase(), cellText(r.Value ?? r.value)]));
}

const on = (v: string | undefined) => /^(on|1|true|yes)$/i.test(v ?? "");
const num = (v: string | undefined) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : 0);

/** Splits wsrep_incoming_addresses ("h1:p1,h2:p2"; "AUTO" or empty entries skipped; IPv6 "[::1]:p" kept). */
export function parseIncomingAddresses(value: string): string[] {
  return value.split(",").map((a) => a.trim()).filter((a) => a && !/^auto$/i.test(a) && /:\d+$/.test(a));
}

/** True when the wsrep variables say this server runs as a Galera node. */
export const galeraEnabled = (variableRows: Row[]) => on(nameValueMap(variableRows).get("wsrep_on"));

/** True when the wsrep status says the node accepts queries (wsrep_ready=ON). */
export const galeraReady = (statusRows: Row[]) => on(nameValueMap(statusRows).get("wsrep_ready"));

/** Normalises the wsrep variables and status rows; null when wsrep is off (not a Galera member). */
export function parseGalera(variableRows: Row[], statusRows: Row[]): GaleraState | null {
  const vars = nameValueMap(variableRows);
  if (!on(vars.get("wsrep_on"))) return null;
  const st = nameValueMap(statusRows);
  const clusterStatus = st.get("wsrep_cluster_status") || "Disconnected";
  return {
    clusterName: vars.get("wsrep_cluster_name") || null,
    nodeName: vars.get("wsrep_node_name") || null,
    clusterSize: num(st.get("wsrep_cluster_size")),
    clusterStatus,
    primary: clusterStatus.toLowerCase() === "primary",
    localState: st.get("wsrep_local_state_comment") || "",
    ready: on(st.get("wsrep_ready")),
    connected: on(st.get("wsrep_connected")),
    flowControlPaused: num(st.get("wsrep_flow_control_paused")),
    recvQueueAvg: num(st.get("wsrep_local_recv_queue_avg")),
    stateUuid: st.get("wsrep_cluster_state_uuid") || "",
    incomingAddresses: parseIncomingAddresses(st.get("wsrep_incoming_addresses") ?? ""),
    desync: on(vars.get("wsrep_desync")),
  };
}

/** The host and port of one "host:port" address (IPv6 brackets removed). */
export function splitAddress(a: string): { host: string; port: number } {
  const i = a.lastIndexOf(":");
  return { host: a.slice(0, i).replace(/^\[(.*)\]$/, "$1"), port: Number(a.slice(i + 1)) };
}
