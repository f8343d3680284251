// Replication operations a user can run from a replica's page, and what the planner needs to know to plan them.
import { z } from "zod";
import type { ChannelStatus } from "../replica-status";
import type { ServerFacts, SourceStatus } from "../server-facts";
import type { ServerVersion } from "../dialect";

/** Which replication threads an operation touches. */
export const THREADS = ["both", "io", "sql"] as const;

/** One operation, as the UI and the API send it. */
export const operationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), threads: z.enum(THREADS).default("both"), channel: z.string().max(64).optional() }),
  z.object({ kind: z.literal("stop"), threads: z.enum(THREADS).default("both"), channel: z.string().max(64).optional() }),
  z.object({ kind: z.literal("skip"), channel: z.string().max(64).optional() }),
  z.object({ kind: z.literal("read_only"), on: z.boolean() }),
  z.object({ kind: z.literal("repoint"), targetId: z.string().min(1).max(64), channel: z.string().max(64).optional() }),
]);

/** An operation. */
export type Operation = z.infer<typeof operationSchema>;

/** A server as the planner sees it: registry identity plus what it reported just now. */
export interface NodeView {
  id: string;
  name: string;
  host: string;
  port: number;
  version: ServerVersion;
  facts: ServerFacts;
  channels: ChannelStatus[];
  sourceStatus: SourceStatus | null;
}

/** The exact statements an operation will run (in order, on one connection) and what the user must know. */
export interface Plan {
  summary: string;
  statements: string[];
  warnings: string[];
  /** The replica's state the operation should end in, checked after running. */
  expect: "running" | "io_running" | "sql_running" | "stopped" | "io_stopped" | "sql_stopped" | "read_only" | "writable";
  /** The channel the expectation is about (a named connection of a multi-source replica); absent: the only one. */
  channel?: string;
}

/** A plan, or the reason the operation is refused. */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; refused: string };

/** Human label of an operation, for confirmations and the audit trail. */
export function describeOperation(op: Operation, targetName?: string): string {
  switch (op.kind) {
    case "start":
    case "stop":
      return `${op.kind} replication${op.threads === "both" ? "" : ` (${op.threads.toUpperCase()} thread)`}`;
    case "skip":
      return "skip the failing transaction";
    case "read_only":
      return op.on ? "set read_only" : "unset read_only";
    case "repoint":
      return `repoint to ${targetName ?? "another server"}`;
  }
}
