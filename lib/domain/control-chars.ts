// Connection values (host, user, password) must not carry control characters: a newline in one would add a line to
// the option file handed to mariadb-dump / mariadb, to a log line or to a generated command (pure).
import type { z } from "zod";

/** Any C0 control character (\x00-\x1f: newline, tab, NUL, …) or DEL (\x7f). */
export const CONTROL_CHARS = /[\x00-\x1f\x7f]/;

/** True when the text holds a control character. */
export const hasControlChars = (text: string) => CONTROL_CHARS.test(text);

/** The field error for a value with a control character, e.g. "Password must not contain control characters …". */
export const controlCharsMessage = (label: string) => `${label} must not contain control characters such as newlines or tabs`;

/** Adds the refusal to a string schema; put it before .trim() so that a trailing newline is refused, not trimmed away. */
export function noControlChars<T extends z.ZodString>(schema: T, label: string): T {
  return schema.refine((v) => !hasControlChars(v), controlCharsMessage(label));
}
