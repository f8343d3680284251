// Who is on the other end (pure): IP parsing, CIDR matching, and the client address behind trusted reverse proxies.

/** A parsed IP address: its family and its bytes (4 for IPv4, 16 for IPv6). */
export interface Ip {
  v: 4 | 6;
  bytes: number[];
}

/** A network: an address and how many leading bits must match. */
export interface Cidr extends Ip {
  bits: number;
}

function parseV4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function groupsOf(s: string): number[] | null {
  if (s === "") return [];
  const out: number[] = [];
  for (const g of s.split(":")) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

function parseV6(s: string): number[] | null {
  let text = s;
  let tail: number[] = [];
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = parseV4(v4[2]);
    if (!b) return null;
    tail = [(b[0] << 8) | b[1], (b[2] << 8) | b[3]];
    text = v4[1].endsWith("::") ? v4[1] : v4[1].slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]);
  const rest = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !rest) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const groups = [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
  return groups.flatMap((g) => [g >> 8, g & 255]);
}

/** Parses an IPv4 or IPv6 address (IPv4-mapped IPv6 such as ::ffff:10.0.0.1 becomes IPv4); null when it is not one. */
export function parseIp(text: string): Ip | null {
  const s = text.trim();
  const v4 = parseV4(s);
  if (v4) return { v: 4, bytes: v4 };
  const v6 = s.includes(":") ? parseV6(s.replace(/%[\w.-]+$/, "")) : null;
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 255 && v6[11] === 255;
  return mapped ? { v: 4, bytes: v6.slice(12) } : { v: 6, bytes: v6 };
}

/** The canonical text of an address (IPv6 in its shortest form, lower case). */
export function formatIp(ip: Ip): string {
  if (ip.v === 4) return ip.bytes.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i] << 8) | ip.bytes[2 * i + 1]);
  let [best, bestLen] = [-1, 1];
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

/** Parses "10.0.0.0/8", "fd00::/8" or a single address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [addr, bitsText, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.v === 4 ? 32 : 128;
  if (bitsText === undefined) return { ...ip, bits: max };
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const stated = Number(bitsText);
  // "::ffff:10.0.0.0/104" names IPv4 space: its prefix counts the 96 mapped bits.
  const bits = ip.v === 4 && addr.includes(":") ? stated - 96 : stated;
  return bits >= 0 && bits <= max ? { ...ip, bits } : null;
}

/** True when `ip` lies inside `net` (same family, first `bits` bits equal). */
export function inCidr(ip: Ip, net: Cidr): boolean {
  if (ip.v !== net.v) return false;
  for (let i = 0, left = net.bits; left > 0; i++, left -= 8) {
    const mask = left >= 8 ? 255 : (255 << (8 - left)) & 255;
    if ((ip.bytes[i] & mask) !== (net.bytes[i] & mask)) return false;
  }
  return true;
}

/** Parses REPLSCOPE_TRUSTED_PROXIES (comma-separated IPs/CIDRs); lists the entries that are not valid. */
export function parseTrustedProxies(text: string | undefined): { nets: Cidr[]; invalid: string[] } {
  const entries = (text ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const nets: Cidr[] = [];
  const invalid: string[] = [];
  for (const e of entries) {
    const n = parseCidr(e);
    if (n) nets.push(n);
    else invalid.push(e);
  }
  return { nets, invalid };
}

/** One X-Forwarded-For entry as an address: tolerates "[v6]:port", "v4:port" and quotes; null when not an address. */
export function forwardedEntry(text: string): Ip | null {
  const s = text.trim().replace(/^"(.*)"$/, "$1");
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) return parseIp(bracket[1]);
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(s);
  return parseIp(v4port ? v4port[1] : s);
}

const trusted = (ip: Ip, nets: Cidr[]) => nets.some((n) => inCidr(ip, n));

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the right-most X-Forwarded-For
 * address that is not a trusted proxy (a malformed entry stops the walk at the proxy that wrote it).
 */
export function clientAddress(peer: string, forwardedFor: string | null, nets: Cidr[]): string {
  const peerIp = parseIp(peer);
  if (!peerIp) return peer.trim() || "unknown";
  let hop = peerIp;
  const chain = (forwardedFor ?? "").split(",").filter((e) => e.trim() !== "");
  while (trusted(hop, nets) && chain.length) {
    const next = forwardedEntry(chain.pop()!);
    if (!next) break;
    hop = next;
  }
  return formatIp(hop);
}
