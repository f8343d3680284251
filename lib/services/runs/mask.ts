// The one place where run text is made safe to store: every log line and error the run engine writes passes here.
import "server-only";
import { maskSecrets } from "@/lib/domain/bootstrap/statements";

/** Masks the run's secrets (passwords, in quoted and raw form) in a log line's text or an error. */
export function mask(text: string, secrets: readonly string[]): string {
  return maskSecrets(text, [...secrets]);
}
