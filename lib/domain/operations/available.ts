// Which replication operations a server's page offers, from its last polled status and the caller's role (pure).
import { allows, type Role } from "../auth";
import type { ChannelStatus } from "../replica-status";
import type { ServerFacts } from "../server-facts";

/** A server named in a choice (repoint target, switchover peer). */
export interface ServerRef {
  id: string;
  name: string;
}

/** The operations to offer; the server still plans (and may refuse) each one when previewed. */
export interface AvailableOperations {
  /** Start / stop replication, with the thread choice: the server replicates. */
  startStop: boolean;
  /** Skip the failing transaction: a channel's SQL thread stopped on an error. */
  skip: boolean;
  /** read_only as last polled (the toggle offers the other way). */
  readOnly: boolean;
  /** Channel names to choose from on a multi-source replica; empty otherwise. */
  channels: string[];
  /** Where a single-channel replica may be repointed. */
  repointTargets: ServerRef[];
  /** A planned switchover: the server replicates from nobody and has peers in its topology. */
  switchover: boolean;
}

/**
 * What the operations panel offers, or null for no panel: the caller is not an operator, or the server has
 * never been read (no facts: nothing to base a plan on). Repointing is offered on single-channel replicas only.
 */
export function availableOperations(
  status: { facts: Pick<ServerFacts, "readOnly"> | null; channels: Pick<ChannelStatus, "channel" | "sqlThread" | "lastSqlErrno">[] } | null,
  role: Role | null,
  neighbours: { peers: ServerRef[]; repointTargets: ServerRef[] },
): AvailableOperations | null {
  if (!role || !allows(role, "operator") || !status?.facts) return null;
  const channels = status.channels;
  return {
    startStop: channels.length > 0,
    skip: channels.some((c) => c.sqlThread === "stopped" && c.lastSqlErrno > 0),
    readOnly: status.facts.readOnly,
    channels: channels.length > 1 ? channels.map((c) => c.channel) : [],
    repointTargets: channels.length === 1 ? neighbours.repointTargets : [],
    switchover: channels.length === 0 && neighbours.peers.length > 0,
  };
}
