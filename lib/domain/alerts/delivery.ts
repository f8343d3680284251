// Delivery outcomes and backoff (pure): what to do after one attempt to send a notification.
/** The result of one attempt: delivered, retry later (network error, timeout, 5xx, 429), or give up (other 4xx). */
export type AttemptResult = { kind: "delivered"; detail: string } | { kind: "retry"; detail: string } | { kind: "permanent"; detail: string };

/** Classifies an HTTP answer: 2xx delivered, 429 and 5xx retried, any other status a permanent failure. */
export function classifyHttp(status: number, bodySnippet: string): AttemptResult {
  const detail = `HTTP ${status}${bodySnippet ? `: ${bodySnippet.slice(0, 200)}` : ""}`;
  if (status >= 200 && status < 300) return { kind: "delivered", detail };
  if (status === 429 || status >= 500) return { kind: "retry", detail };
  return { kind: "permanent", detail };
}

/** Backoff settings: first delay, doubling up to `maxMs`; a notification still undelivered `giveUpAfterMs` after it was queued fails for good. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  giveUpAfterMs: number;
}

/** The default backoff: 5 s, 10 s, 20 s … capped at 1 h between attempts, retried for up to 24 h. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 5000, maxMs: 3600 * 1000, giveUpAfterMs: 24 * 3600 * 1000 };

/** After a failed attempt: when to try again, or null when the notification has been retried long enough (or cannot succeed). */
export function nextAttemptAt(result: AttemptResult, attempts: number, queuedAtMs: number, nowMs: number, b: Backoff = DEFAULT_BACKOFF): number | null {
  if (result.kind !== "retry") return null;
  const at = nowMs + backoffDelayMs(attempts, b);
  return at - queuedAtMs > b.giveUpAfterMs ? null : at;
}

/** The delay before attempt number `attempts + 1` (attempts already made ≥ 1). */
export function backoffDelayMs(attempts: number, b: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.min(40, Math.max(0, attempts - 1)));
}
