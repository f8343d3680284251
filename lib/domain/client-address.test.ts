import { describe, expect, it } from "vitest";
import { clientAddress, formatIp, forwardedEntry, inCidr, parseCidr, parseIp, parseTrustedProxies } from "./client-address";

const trusted = (s: string) => parseTrustedProxies(s).nets;
const ip = (s: string) => parseIp(s)!;
const net = (s: string) => parseCidr(s)!;

describe("parseIp / formatIp", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    [" 10.1.2.3 ", "10.1.2.3"],
    ["::1", "::1"],
    ["::", "::"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8::1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["::FFFF:c000:0207", "192.0.2.7"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["1::", "1::"],
  ])("%s → %s", (text, canonical) => expect(formatIp(ip(text))).toBe(canonical));

  it.each(["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-1", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2", "1:2:3:4:5:6:7", "12345::", "g::1", "::ffff:1.2.3.256", "localhost", "unknown", "1.2.3.4:80"])(
    "%j is not an address",
    (text) => expect(parseIp(text)).toBeNull(),
  );
});

describe("CIDR", () => {
  it("matches IPv4 and IPv6 networks of any prefix length, never across families", () => {
    expect(inCidr(ip("10.200.3.4"), net("10.0.0.0/8"))).toBe(true);
    expect(inCidr(ip("11.0.0.1"), net("10.0.0.0/8"))).toBe(false);
    expect(inCidr(ip("192.168.1.130"), net("192.168.1.128/25"))).toBe(true);
    expect(inCidr(ip("192.168.1.127"), net("192.168.1.128/25"))).toBe(false);
    expect(inCidr(ip("172.31.255.255"), net("172.16.0.0/12"))).toBe(true);
    expect(inCidr(ip("172.32.0.0"), net("172.16.0.0/12"))).toBe(false);
    expect(inCidr(ip("8.8.8.8"), net("0.0.0.0/0"))).toBe(true);
    expect(inCidr(ip("fd12:3456::1"), net("fd00::/8"))).toBe(true);
    expect(inCidr(ip("fe80::1"), net("fd00::/8"))).toBe(false);
    expect(inCidr(ip("2001:db8:0:1::5"), net("2001:db8::/63"))).toBe(true);
    expect(inCidr(ip("2001:db8:0:2::5"), net("2001:db8::/63"))).toBe(false);
    expect(inCidr(ip("::1"), net("127.0.0.1"))).toBe(false);
    expect(inCidr(ip("::ffff:10.0.0.9"), net("10.0.0.9"))).toBe(true);
    expect(inCidr(ip("10.0.0.9"), net("::ffff:10.0.0.0/104"))).toBe(true);
    expect(inCidr(ip("10.0.0.9"), net("10.0.0.8"))).toBe(false);
  });

  it("parses the REPLSCOPE_TRUSTED_PROXIES list and names what is not an address or network", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ nets: [], invalid: [] });
    expect(parseTrustedProxies(" 10.0.0.0/8 , ::1,, fd00::/8 ").nets).toHaveLength(3);
    expect(parseTrustedProxies("10.0.0.0/33,::1/129,proxy.local,1.2.3.4/8/1,10.0.0.0/-1,10.0.0.1/ 8").invalid).toEqual(["10.0.0.0/33", "::1/129", "proxy.local", "1.2.3.4/8/1", "10.0.0.0/-1", "10.0.0.1/ 8"]);
  });
});

describe("forwardedEntry", () => {
  it("accepts the forms proxies write (port, brackets, quotes) and nothing else", () => {
    expect(formatIp(forwardedEntry(" 203.0.113.5:4711")!)).toBe("203.0.113.5");
    expect(formatIp(forwardedEntry("[2001:db8::7]:443")!)).toBe("2001:db8::7");
    expect(formatIp(forwardedEntry('"[2001:db8::7]"')!)).toBe("2001:db8::7");
    expect(forwardedEntry("unknown")).toBeNull();
    expect(forwardedEntry("<script>")).toBeNull();
  });
});

describe("clientAddress", () => {
  const none = trusted("");
  it("uses the socket peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("127.0.0.1", "6.6.6.6", none)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:192.0.2.1", "6.6.6.6, 7.7.7.7", none)).toBe("192.0.2.1");
    expect(clientAddress("2001:db8::1", null, none)).toBe("2001:db8::1");
  });

  it("ignores X-Forwarded-For when the peer is not one of the trusted proxies", () => {
    expect(clientAddress("192.0.2.50", "6.6.6.6", trusted("10.0.0.0/8"))).toBe("192.0.2.50");
  });

  it("behind trusted proxies takes the right-most address that is not one of them (forged left entries do not count)", () => {
    const nets = trusted("10.0.0.0/8, ::1");
    expect(clientAddress("10.0.0.2", "203.0.113.9", nets)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", nets)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.9.9.9", nets)).toBe("203.0.113.9");
    expect(clientAddress("::1", "6.6.6.6,2001:db8::5", nets)).toBe("2001:db8::5");
    expect(clientAddress("::ffff:10.0.0.2", "[2001:db8::5]:1234", nets)).toBe("2001:db8::5");
  });

  it("stops at the proxy whose entry is malformed, and falls back to the peer without X-Forwarded-For", () => {
    const nets = trusted("10.0.0.0/8");
    expect(clientAddress("10.0.0.2", "203.0.113.9, garbage", nets)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9, garbage, 10.0.0.3", nets)).toBe("10.0.0.3");
    expect(clientAddress("10.0.0.2", null, nets)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", nets)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "10.0.0.7, 10.0.0.8", nets)).toBe("10.0.0.7");
  });
});
