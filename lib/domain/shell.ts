// Values inside generated shell commands (runbooks, the dump pipe shown in dry runs): always single-quoted (pure).

/** POSIX single quotes around any text ('\'' for an embedded quote): the shell expands nothing inside, so the value is
 *  one argument whatever it holds ($, `, ;, spaces, newlines). */
export const shellQuote = (text: string | number) => `'${String(text).replaceAll("'", `'\\''`)}'`;

