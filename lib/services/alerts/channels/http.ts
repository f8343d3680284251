// POSTing JSON to a receiver with a hard timeout; the answer classified as delivered, retry or permanent failure.
import "server-only";
import { type AttemptResult, classifyHttp } from "@/lib/domain/alerts/delivery";

/** Why a request never got an answer, in one line (timeout, refused, DNS …), naming the host only: URLs can carry tokens. */
export function networkError(e: unknown, url: string, timeoutMs: number): string {
  const where = hostOf(url);
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `no answer from ${where} within ${timeoutMs} ms`;
  const code = err.cause?.code;
  const cause = code === "UND_ERR_SOCKET" ? "the connection closed before an answer" : (code ?? err.cause?.message ?? err.message);
  return `cannot reach ${where}: ${cause}`;
}

/** The host:port of a URL (the part of it that is safe to show in errors and the audit trail). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid URL)";
  }
}

/** POSTs `body` with `headers`; the whole exchange (connect, answer, body) is bounded by `timeoutMs`. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<AttemptResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { method: "POST", body, headers: { "Content-Type": "application/json", "User-Agent": "replscope", ...headers }, signal, redirect: "manual" });
    const text = await res.text();
    return classifyHttp(res.status, text.replace(/\s+/g, " ").trim());
  } catch (e) {
    return { kind: "retry", detail: networkError(e, url, timeoutMs) };
  }
}
