// Masking passwords in any text replscope stores or logs (statements, server errors, step logs, audit entries): the
// secrets it knows, fragments of them, and anything that reads like a password clause (pure).
import { quoteString } from "./dialect/quote";

/** What a masked value reads as. */
export const MASK = "*****";

/** A quoted SQL/option value ('…' or "…", backslash or doubled-quote escapes), or one cut off at the end of the text. */
const QUOTED = String.raw`'(?:[^'\\]|\\[\s\S]|'')*(?:'|$)|"(?:[^"\\]|\\[\s\S]|"")*(?:"|$)`;
/** An unquoted value (option files, key=value text), but not a function call such as PASSWORD('…') nor "(set)". */
const UNQUOTED = String.raw`(?![\w$]*\()[^\s,;()'"]+`;

/** Password clauses, each as (prefix)(value)(suffix?): the value is replaced, the rest kept. */
const PATTERNS: RegExp[] = [
  // IDENTIFIED BY 'x', IDENTIFIED BY PASSWORD 'hash', IDENTIFIED WITH plugin BY|AS 'x', IDENTIFIED VIA plugin USING|AS 'x' or PASSWORD('x')
  new RegExp(String.raw`(\bIDENTIFIED\s+(?:BY|(?:WITH|VIA)\s+(?:\w+|'[^']*')\s+(?:BY|AS|USING))\s+(?:PASSWORD\s*\(\s*|PASSWORD\s+)?)(${QUOTED})()`, "gi"),
  // PASSWORD('x'), OLD_PASSWORD('x')
  new RegExp(String.raw`(\bPASSWORD\s*\(\s*)(${QUOTED})()`, "gi"),
  // SET PASSWORD [FOR u] = 'x'
  new RegExp(String.raw`(\bSET\s+PASSWORD\b[^=\n]*=\s*)(${QUOTED})()`, "gi"),
  // MASTER_PASSWORD='x', SOURCE_PASSWORD = 'x', password=x, --password="x"
  new RegExp(String.raw`(PASSWORD\s*=\s*)(${QUOTED}|${UNQUOTED})()`, "gi"),
  // ER_WRONG_STRING_LENGTH: String 'x…' is too long for MASTER_PASSWORD (the server quotes the value it refused)
  new RegExp(String.raw`(\bString\s+)(${QUOTED})(\s+is too long for\s+\w*PASSWORD)`, "gi"),
];

/** Replaces the value of every password clause, whoever's password it is (no secret needs to be known). */
export function maskPasswordClauses(text: string): string {
  return PATTERNS.reduce((t, re) => t.replace(re, (_m, pre: string, value: string, post: string) => `${pre}${value.startsWith('"') ? `"${MASK}"` : value.startsWith("'") ? `'${MASK}'` : MASK}${post}`), text);
}

/** Shortest run of a secret's characters that is masked when found anywhere (e.g. a server error cut it off). */
const FRAGMENT = 8;
/** Shortest secret whose unquoted text is masked (a shorter one is masked only in its quoted SQL form). */
const RAW = 4;

/** The forms a secret takes in text: quoted as in SQL (quoteString, what mysql2 writes), that without the quotes, and as typed. */
function formsOf(secret: string): string[] {
  const quoted = quoteString(secret);
  return [quoted, ...(secret.length >= RAW ? [quoted.slice(1, -1), secret] : [])];
}

/** Spans [start, end) of the text that repeat at least FRAGMENT characters of `form` in a row. */
function fragmentSpans(text: string, form: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i + FRAGMENT <= form.length; i++) {
    for (let at = text.indexOf(form.slice(i, i + FRAGMENT)); at !== -1; at = text.indexOf(form.slice(i, i + FRAGMENT), at + 1)) {
      let [s, e, fs, fe] = [at, at + FRAGMENT, i, i + FRAGMENT];
      while (s > 0 && fs > 0 && text[s - 1] === form[fs - 1]) [s, fs] = [s - 1, fs - 1];
      while (e < text.length && fe < form.length && text[e] === form[fe]) [e, fe] = [e + 1, fe + 1];
      spans.push([s, e]);
    }
  }
  return spans;
}

/** Replaces the given spans (merged where they overlap) by the mask. */
function maskSpans(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  const merged = spans.sort((a, b) => a[0] - b[0]).reduce<[number, number][]>((acc, [s, e]) => {
    const last = acc.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else acc.push([s, e]);
    return acc;
  }, []);
  let out = "";
  let from = 0;
  for (const [s, e] of merged) {
    out += text.slice(from, s) + MASK;
    from = e;
  }
  return out + text.slice(from);
}

/** Replaces the known secrets (whole, quoted or not) and any run of FRAGMENT or more of their characters. */
export function maskKnownSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  const forms = [...new Set(secrets.filter((s): s is string => !!s).flatMap(formsOf))].sort((a, b) => b.length - a.length);
  const whole = forms.reduce((t, f) => t.split(f).join(f.startsWith("'") ? `'${MASK}'` : MASK), text);
  return maskSpans(whole, forms.filter((f) => f.length >= FRAGMENT && !f.startsWith("'")).flatMap((f) => fragmentSpans(whole, f)));
}

/** Everything replscope stores or logs goes through this: known secrets and their fragments, then password clauses. */
export function maskText(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  return maskPasswordClauses(maskKnownSecrets(text, secrets));
}

/** maskText applied to every string inside a JSON-like value (step logs, reports, undo notes). */
export function maskDeep<T>(value: T, secrets: readonly (string | null | undefined)[] = []): T {
  if (typeof value === "string") return maskText(value, secrets) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => maskDeep(v, secrets)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, secrets)])) as T;
  return value;
}
