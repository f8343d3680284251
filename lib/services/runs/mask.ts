// The one place where run text is made safe to store: every log line and error the run engine writes passes here.
import "server-only";
import { maskText } from "@/lib/domain/secret-mask";

/** Masks the run's secrets (whole, quoted, fragments) and any password clause in a log line's text or an error. */
export function mask(text: string, secrets: readonly string[]): string {
  return maskText(text, secrets);
}
