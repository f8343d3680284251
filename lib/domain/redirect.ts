// Where to go after sign-in (pure): only a path on this very origin, whatever the browser would make of the text.

const BASE = "http://replscope.invalid";

/**
 * The `next` target as a same-origin path (path, query, hash), or "/" when it is missing or would leave the origin.
 * Parsed the way a browser does (WHATWG URL: backslashes, tabs, newlines, leading spaces), and the result never starts
 * with "//" (a protocol-relative URL once sent in a Location header).
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2048 || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.username || url.password) return "/";
  const path = url.pathname.replace(/^\/+/, "/");
  return `${path}${url.search}${url.hash}`;
}
