// How servers follow a newly promoted source (switchover and failover): the followers' and the old source's statements.
import { changeSourceStatement, gtidStartStatements, needsSourcePublicKey, type ServerVersion } from "../dialect";

/** Where followers start on the new source: by GTID, or at the candidate's coordinates taken while everything was stopped. */
export type FollowPosition = { kind: "gtid" } | { kind: "file"; file: string; position: number };

/** By GTID, or at `at` when positions are by coordinates and the new source's are known. */
export const followPosition = (gtid: boolean, at?: { file: string; position: number }): FollowPosition => (gtid || !at ? { kind: "gtid" } : { kind: "file", file: at.file, position: at.position });

/** A replica moves to the new source keeping its replication user and password. */
export function followerStatement(v: ServerVersion, host: string, port: number, at: FollowPosition): string {
  return changeSourceStatement(v, { host, port, start: at });
}

/** The old source becomes a replica of the new one: it needs the replication credentials (it had none). */
export function oldSourceStatements(v: ServerVersion, to: { host: string; port: number; user: string; password: string }, at: FollowPosition, ownGtidPos: string): string[] {
  const change = changeSourceStatement(v, { ...to, start: at, getPublicKey: needsSourcePublicKey(v) });
  return [...(at.kind === "gtid" ? gtidStartStatements(v, ownGtidPos, false) : []), change];
}
