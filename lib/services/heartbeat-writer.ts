// Writes a pt-heartbeat row every second on the sources where the user enabled it; failures are kept as state.
import "server-only";
import { env } from "@/lib/config/env";
import type { PollTarget } from "@/lib/data/servers";
import { ConnectionCache } from "@/lib/mysql/connection-cache";
import { recordAudit } from "@/lib/data/audit";
import { assertTerm } from "@/lib/data/fence";
import { heartbeatAuditText, writeHeartbeat } from "@/lib/mysql/heartbeat";

/** The heartbeat loop; its own connections, so a slow status query never delays a heartbeat. */
export class HeartbeatWriter {
  private cache = new ConnectionCache();
  private ensured = new Set<string>();
  private timer?: NodeJS.Timeout;
  private busy = false;
  /** Last error per server id (cleared on success), shown on the server page. */
  readonly errors = new Map<string, string>();
  /** Servers not written to for now (a switchover in progress makes its source read-only). */
  readonly paused = new Set<string>();

  /** Starts writing every `intervalMs` to the enabled servers listed by `list`. */
  start(list: () => Promise<PollTarget[]>, intervalMs = 1000) {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(list).catch(() => undefined), intervalMs);
  }

  /** Stops writing and closes the connections. */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.cache.closeAll();
  }

  /** One round of heartbeats (skipped while the previous round is still running). */
  async beat(list: () => Promise<PollTarget[]>) {
    if (this.busy) return;
    this.busy = true;
    try {
      // A deposed leader (paused past its lease, then resumed) writes no heartbeat: FencedError ends the round.
      await assertTerm();
      const targets = (await list()).filter((t) => t.heartbeatEnabled && !this.paused.has(t.record.id));
      this.cache.retain(new Set(targets.map((t) => t.record.id)));
      const timeouts = { connectTimeoutMs: env().REPLSCOPE_CONNECT_TIMEOUT_MS, queryTimeoutMs: env().REPLSCOPE_QUERY_TIMEOUT_MS };
      await Promise.all(targets.map((t) => this.writeOne(t, timeouts)));
    } finally {
      this.busy = false;
    }
  }

  private async writeOne(t: PollTarget, timeouts: { connectTimeoutMs: number; queryTimeoutMs: number }) {
    const key = `${t.record.id}/${t.heartbeatSchema}`;
    const { password } = t.target;
    if (password === null) return void this.errors.set(t.record.id, "Heartbeat not written: the stored password cannot be decrypted.");
    try {
      const ensure = !this.ensured.has(key);
      await this.cache.use(t.record.id, { ...t.target, password }, timeouts, (c) => writeHeartbeat(c, t.heartbeatSchema, ensure));
      this.ensured.add(key);
      if (ensure) await recordAudit({ actor: "replscope", action: "heartbeat.start", serverId: t.record.id, serverName: t.record.name, statement: heartbeatAuditText(t.heartbeatSchema), durationMs: 0, error: null });
      this.errors.delete(t.record.id);
    } catch (e) {
      this.ensured.delete(key);
      this.errors.set(t.record.id, `Heartbeat write failed: ${(e as Error).message}`);
    }
  }
}
