// Next.js configuration for replscope. Pages, routes and redirects get their CSP (with a per-request nonce) from
// proxy.ts; the files proxy.ts does not see (static assets) get a fixed one here (contentSecurityPolicy(null) in
// lib/domain/security-headers.ts).
const STATIC_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  agentRules: false,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      ...["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt"].map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: STATIC_CSP }] })),
    ];
  },
};

module.exports = nextConfig;
