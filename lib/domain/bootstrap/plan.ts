// The wizard's plan: every step with the statements and commands it will run, for the dry run and the runbook (pure).
import {
  changeSourceStatement, clientTool, dialectFor, dumpTool, needsSourcePublicKey, quoteAccount, quoteString, resetReplicaStatements, SAFE_SQL_MODE, type ServerVersion,
  sourceDataFlag, startReplicaStatement,
} from "../dialect";
import { shellQuote } from "../shell";
import { CLONE_DONOR_USER, cloneDonorStatements, cloneStatements } from "./clone";
import { dropUserStatement, FLUSH_PRIVILEGES, maskSecrets, replicationUserStatements } from "./statements";

/** Steps of a bootstrap run, in order. */
export const STEP_IDS = ["preflight", "replication_user", "copy", "point", "start", "verify", "register"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** One planned action: SQL on a server, or a shell command (the dump pipe). */
export type Action = { on: "source" | "target"; sql: string } | { shell: string };

/** A planned step. */
export interface PlannedStep {
  id: StepId;
  title: string;
  actions: Action[];
}

/** A server as the plan names it. */
export interface PlanServer {
  host: string;
  port: number;
  user: string;
  version: ServerVersion;
}

/** What the user chose. */
export interface PlanInput {
  source: PlanServer;
  target: PlanServer;
  replUser: string;
  replHost: string;
  replPassword: string;
  reuseUser: boolean;
  resetTarget: boolean;
  lockForCopy: boolean;
  /** The data is already on the target: the copy step only validates the given start position. */
  existingData?: boolean;
  /** Copy by MySQL CLONE instead of a dump. */
  clone?: boolean;
  useGtid?: boolean;
}

const COORDS = "<file and position read from the source>";

function dumpCommand(i: PlanInput): string {
  const { source: s, target: t } = i;
  const tool = dumpTool(s.version);
  const client = clientTool(t.version);
  const consistency = i.lockForCopy ? "--lock-all-tables" : `--single-transaction ${sourceDataFlag(s.version)}`;
  return `${tool} -h ${shellQuote(s.host)} -P ${shellQuote(s.port)} -u ${shellQuote(s.user)} -p --all-databases --routines --events --triggers ${consistency} | ${client} -h ${shellQuote(t.host)} -P ${shellQuote(t.port)} -u ${shellQuote(t.user)} -p ${shellQuote("--init-command=SET SESSION sql_log_bin=0")}`;
}

/** The clone: a temporary donor account on the source (its password made at run time, shown masked), CLONE on the
 *  target with it, the account dropped. */
function clonePlan(i: PlanInput): PlannedStep["actions"] {
  const donor = { host: i.source.host, port: i.source.port, user: CLONE_DONOR_USER, password: "*****" };
  return [
    ...cloneDonorStatements(i.replHost, donor.password).map((sql) => ({ on: "source" as const, sql })),
    ...cloneStatements(donor).map((sql) => ({ on: "target" as const, sql })),
    { on: "source", sql: dropUserStatement(CLONE_DONOR_USER, i.replHost) },
  ];
}

/** Every step with its actions; passwords appear in clear only in `execute` plans, masked in dry runs and runbooks. */
export function buildPlan(i: PlanInput): PlannedStep[] {
  const point = changeSourceStatement(i.target.version, {
    host: i.source.host, port: i.source.port, user: i.replUser, password: i.replPassword,
    start: i.useGtid ? { kind: "gtid" } : { kind: "file", file: COORDS, position: 0 }, getPublicKey: needsSourcePublicKey(i.source.version),
  }).replace(quoteString(COORDS), "'<file>'").replace(/LOG_POS=0/, "LOG_POS=<position>");
  return [
    { id: "preflight", title: "Check both servers", actions: [{ on: "source", sql: "SHOW GRANTS" }, { on: "target", sql: "SHOW GRANTS" }] },
    { id: "replication_user", title: i.reuseUser ? "Verify the replication user" : "Create the replication user on the source", actions: i.reuseUser ? [{ on: "source", sql: `SHOW GRANTS FOR ${quoteAccount(i.replUser, i.replHost)}` }] : replicationUserStatements(i.replUser, i.replHost, i.replPassword).map((sql) => ({ on: "source" as const, sql })) },
    i.clone ? { id: "copy", title: "Clone the source onto the target (MySQL CLONE)", actions: clonePlan(i) } : i.existingData ? { id: "copy", title: "Validate the given start position against the source", actions: [{ on: "source", sql: "SHOW BINARY LOGS" }] } : { id: "copy", title: "Copy the data with consistent coordinates", actions: [...(i.resetTarget ? resetReplicaStatements(i.target.version).map((sql) => ({ on: "target" as const, sql })) : []), ...(i.lockForCopy ? [{ on: "source" as const, sql: "FLUSH TABLES WITH READ LOCK" }, { on: "source" as const, sql: dialectFor(i.source.version).sourceStatus }] : []), { shell: dumpCommand(i) }, ...(i.lockForCopy ? [{ on: "source" as const, sql: "UNLOCK TABLES" }] : []), { on: "target", sql: FLUSH_PRIVILEGES }] },
    { id: "point", title: "Point the target at the source", actions: [{ on: "target", sql: point }] },
    { id: "start", title: "Start replication", actions: [{ on: "target", sql: startReplicaStatement(i.target.version) }] },
    { id: "verify", title: "Verify threads, lag and a sample of checksums", actions: [{ on: "target", sql: dialectFor(i.target.version).replicaStatus }] },
    { id: "register", title: "Register the target as a replica", actions: [] },
  ];
}

/** Single-quotes text for a POSIX shell (nothing inside is expanded); see lib/domain/shell.ts. */
export { shellQuote };

/** SQL with quoted values first makes its session read escapes as written (a server may run NO_BACKSLASH_ESCAPES). */
const sessionSafe = (sql: string) => (sql.includes("'") ? `${SAFE_SQL_MODE}; ${sql}` : sql);

/** The plan as a DBA's runbook: numbered steps, SQL as `mysql -e` lines, passwords masked. */
export function runbook(i: PlanInput): string {
  const where = (on: "source" | "target") => i[on];
  const lines: string[] = [];
  buildPlan(i).forEach((step, n) => {
    lines.push(`# ${n + 1}. ${step.title}`);
    for (const a of step.actions) {
      if ("shell" in a) lines.push(a.shell);
      else lines.push(`${clientTool(where(a.on).version)} -h ${shellQuote(where(a.on).host)} -P ${shellQuote(where(a.on).port)} -u ${shellQuote(where(a.on).user)} -p -e ${shellQuote(sessionSafe(maskSecrets(a.sql, [i.replPassword])))}`);
    }
    lines.push("");
  });
  return lines.join("\n");
}
