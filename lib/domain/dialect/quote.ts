// Values and names in SQL text, quoted as MySQL and MariaDB read them with backslash escapes (every replscope session
// first drops NO_BACKSLASH_ESCAPES, see ./sql-mode.ts). Strings come out exactly as mysql2's escape() writes them.

const ESCAPES: Record<string, string> = { "\0": "\\0", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1a": "\\Z", '"': '\\"', "'": "\\'", "\\": "\\\\" };

/** A string literal: single-quoted, with \0 \b \t \n \r \x1a " ' and \ backslash-escaped (numbers are written as they are). */
export function quoteString(value: string | number): string {
  if (typeof value === "number") return String(value);
  return `'${value.replace(/[\0\b\t\n\r\x1a"'\\]/g, (c) => ESCAPES[c])}'`;
}

/** An identifier (schema, table, column): back-quoted, inner back-quotes doubled; the whole text is one name. */
export const quoteIdentifier = (name: string) => `\`${name.replaceAll("`", "``")}\``;

/** An account as CREATE USER / GRANT / SHOW GRANTS FOR name it: 'user'@'host'. */
export const quoteAccount = (user: string, host: string) => `${quoteString(user)}@${quoteString(host)}`;
