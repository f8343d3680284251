// What GET /api/alerts and GET /api/silences return, shared by the services that build them and the pages (pure types).
import type { AlertLifecycle, Severity } from "./types";

/** One alert as GET /api/alerts returns it (times ISO 8601; channel = the replication channel, "" for the default). */
export interface AlertView {
  id: string;
  serverId: string;
  serverName: string;
  cluster: string | null;
  channel: string;
  code: string;
  severity: Severity;
  state: AlertLifecycle;
  silenced: boolean;
  acknowledgedBy: string | null;
  since: string;
  firedAt: string | null;
  resolvedAt: string | null;
  message: string;
}

/** One silence as GET /api/silences returns it. */
export interface SilenceView {
  id: string;
  serverId: string | null;
  serverName: string | null;
  cluster: string | null;
  code: string | null;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  active: boolean;
}
