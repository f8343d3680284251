// CHANGE MASTER TO / CHANGE REPLICATION SOURCE TO: the one builder for every place a replica is pointed at a source.
import { gtidFlavor, knowsPublicKeyOption, namesConnections } from "./capabilities";
import { dialectFor, sourceOption } from "./dialect";
import { quoteString as q } from "./quote";
import type { ServerVersion } from "./version";

/** Where the replica starts: binlog coordinates, or GTID auto-positioning. */
export type StartPosition = { kind: "file"; file: string; position: number } | { kind: "gtid"; gtidSet?: string };

/** What CHANGE MASTER / CHANGE REPLICATION SOURCE sets; without user and password the stored ones are kept. */
export interface PointOptions {
  host: string;
  port: number;
  user?: string;
  password?: string;
  start: StartPosition;
  /** The source is MySQL 8+ (caching_sha2_password) and there is no TLS: ask it for its public key (see needsSourcePublicKey). */
  getPublicKey?: boolean;
  /** Connect to the source over TLS (SOURCE_SSL=1 / MASTER_SSL=1). */
  tls?: boolean;
  /** A named channel: MariaDB CHANGE MASTER 'name' TO …, MySQL … FOR CHANNEL 'name' (absent: the default one). */
  channel?: string;
}

/** The position clause: coordinates, MariaDB MASTER_USE_GTID=slave_pos, or MySQL SOURCE_AUTO_POSITION=1. */
function positionParts(replica: ServerVersion, start: StartPosition, opt: (name: string) => string): string[] {
  if (start.kind === "file") return [`${opt("LOG_FILE")}=${q(start.file)}`, `${opt("LOG_POS")}=${q(start.position)}`];
  return [gtidFlavor(replica) === "mariadb" ? "MASTER_USE_GTID=slave_pos" : `${opt("AUTO_POSITION")}=1`];
}

/** CHANGE MASTER TO … / CHANGE REPLICATION SOURCE TO … in the replica's dialect, every value escaped. */
export function changeSourceStatement(replica: ServerVersion, o: PointOptions): string {
  const d = dialectFor(replica);
  const opt = (name: string) => sourceOption(d, name);
  const parts = [`${opt("HOST")}=${q(o.host)}`, `${opt("PORT")}=${q(o.port)}`];
  if (o.user !== undefined) parts.push(`${opt("USER")}=${q(o.user)}`);
  if (o.password !== undefined) parts.push(`${opt("PASSWORD")}=${q(o.password)}`);
  parts.push(...positionParts(replica, o.start, opt));
  if (o.tls) parts.push(`${opt("SSL")}=1`);
  if (o.getPublicKey && knowsPublicKeyOption(replica)) parts.push(`${opt("GET_PUBLIC_KEY")}=1`);
  if (o.channel === undefined) return `${d.changeSource} ${parts.join(", ")}`;
  if (namesConnections(replica)) return `${d.changeSource.replace(/ TO$/, "")} ${q(o.channel)} TO ${parts.join(", ")}`;
  return `${d.changeSource} ${parts.join(", ")} FOR CHANNEL ${q(o.channel)}`;
}
