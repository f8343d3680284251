// Masking the error texts of a poll result before it is stored or shown: a replica's Last_IO_Error / Last_SQL_Error
// can quote a replicated statement (CREATE USER … IDENTIFIED BY '…'), and a failed poll's error can quote anything (pure).
import { maskText } from "./secret-mask";
import type { ServerStatus } from "./server-status";

/** The status with its error strings masked (password clauses and the given secrets); the same object when none is set. */
export function maskStatusErrors(s: ServerStatus, secrets: readonly (string | null | undefined)[] = []): ServerStatus {
  const m = (t: string) => (t ? maskText(t, secrets) : t);
  const channels = s.channels.some((c) => c.lastIoError || c.lastSqlError) ? s.channels.map((c) => (c.lastIoError || c.lastSqlError ? { ...c, lastIoError: m(c.lastIoError), lastSqlError: m(c.lastSqlError) } : c)) : s.channels;
  if (!s.error && !s.heartbeatWriteError && channels === s.channels) return s;
  const heartbeat = s.heartbeatWriteError ? { heartbeatWriteError: maskText(s.heartbeatWriteError, secrets) } : {};
  return { ...s, error: s.error ? maskText(s.error, secrets) : s.error, channels, ...heartbeat };
}
