// A MySQL Group Replication member's view of its group, from performance_schema (pure: rows in, state out).
import { cellText } from "./cell-text";

/** One member of the group as a member reports it. */
export interface GroupMember {
  memberId: string;
  host: string;
  port: number;
  /** ONLINE, RECOVERING, UNREACHABLE, ERROR or OFFLINE. */
  state: string;
  /** PRIMARY, SECONDARY, or "" when the server does not report roles. */
  role: string;
  version: string;
  /** COUNT_TRANSACTIONS_IN_QUEUE (certification queue); null without a stats row. */
  certifyQueue: number | null;
  /** COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE; null without a stats row. */
  applierQueue: number | null;
  /** COUNT_CONFLICTS_DETECTED; null without a stats row. */
  conflicts: number | null;
}

/** The group as one server sees it (null on the server when it is not a group member). */
export interface GroupState {
  groupName: string | null;
  singlePrimary: boolean | null;
  /** MEMBER_ID of the server that reported this view (its @@server_uuid), when known. */
  localMemberId: string | null;
  members: GroupMember[];
}

type Row = Record<string, unknown>;

const text = (v: unknown) => cellText(v);
const count = (v: unknown) => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
const on = (v: string | undefined) => (v === undefined ? null : /^(on|1)$/i.test(v));

/**
 * Normalises replication_group_members + replication_group_member_stats rows (column names as 8.0 and 8.4 spell
 * them). A server with the plugin loaded but not started lists itself OFFLINE with no group: that is no group (null).
 */
export function parseGroup(memberRows: Row[], statsRows: Row[], variableRows: Row[], serverUuid: string | null): GroupState | null {
  const listed = memberRows.filter((r) => text(r.MEMBER_ID) !== "");
  const vars = new Map(variableRows.map((r) => [text(r.Variable_name).toLowerCase(), text(r.Value)]));
  if (!listed.length || listed.every((r) => text(r.MEMBER_STATE).toUpperCase() === "OFFLINE")) return null;
  const stats = new Map(statsRows.map((r) => [text(r.MEMBER_ID), r]));
  return {
    groupName: vars.get("group_replication_group_name") || null,
    singlePrimary: on(vars.get("group_replication_single_primary_mode")),
    localMemberId: serverUuid,
    members: listed.map((r) => {
      const s = stats.get(text(r.MEMBER_ID));
      return {
        memberId: text(r.MEMBER_ID), host: text(r.MEMBER_HOST), port: Number(r.MEMBER_PORT) || 0,
        state: text(r.MEMBER_STATE).toUpperCase(), role: text(r.MEMBER_ROLE).toUpperCase(), version: text(r.MEMBER_VERSION),
        certifyQueue: count(s?.COUNT_TRANSACTIONS_IN_QUEUE), applierQueue: count(s?.COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE), conflicts: count(s?.COUNT_CONFLICTS_DETECTED),
      };
    }),
  };
}

/** The member row of the server that reported the view (by server_uuid), if listed. */
export const localMember = (g: GroupState) => g.members.find((m) => m.memberId === g.localMemberId) ?? null;

/** True when the members not UNREACHABLE are no majority of the listed ones: the group cannot commit (no quorum). */
export const groupLostQuorum = (g: GroupState) => (g.members.length - g.members.filter((m) => m.state === "UNREACHABLE").length) * 2 <= g.members.length;
