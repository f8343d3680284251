// Validated runtime configuration from environment variables (one place, read once).
import path from "node:path";
import { z } from "zod";
import { type Cidr, parseTrustedProxies } from "@/lib/domain/client-address";

const schema = z.object({
  REPLSCOPE_DATA_DIR: z.string().min(1).default("./data"),
  // Our own database: unset or file:… → SQLite; mysql://user:pass@host:port/db or mariadb://… → MySQL 8.0+ / MariaDB 10.6+.
  REPLSCOPE_DATABASE_URL: z
    .string()
    .regex(/^(?:file:.+|(?:mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$]+(?:\?.*)?)$/, "must be file:<path>, mysql://user:password@host:port/database or mariadb://…")
    .optional(),
  // This instance's name in the instance registry and leader lease (default: host name + process id).
  REPLSCOPE_INSTANCE_ID: z.string().regex(/^[\w.:@-]{1,100}$/, "letters, digits and . _ : @ - (at most 100)").optional(),
  REPLSCOPE_SECRET_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, "must be 32 bytes as 64 hex characters or 44 base64 characters")
    .optional(),
  REPLSCOPE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(3000),
  REPLSCOPE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
  REPLSCOPE_POLL_INTERVAL_MS: z.coerce.number().int().min(250).max(3_600_000).default(2000),
  REPLSCOPE_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(32),
  REPLSCOPE_POLLER: z.enum(["on", "off"]).default("on"),
  // Poll threads: "auto" (none up to 2,000 servers, then 2 when the machine has 2 cores or more) or a number (0: none).
  REPLSCOPE_POLL_THREADS: z.union([z.literal("auto"), z.coerce.number().int().min(0).max(16)]).default("auto"),
  REPLSCOPE_GALERA_FLOW_CONTROL_WARN: z.coerce.number().min(0).max(1).default(0.1),
  REPLSCOPE_GROUP_APPLIER_QUEUE_WARN: z.coerce.number().int().min(0).default(1000),
  REPLSCOPE_LAG_RETENTION_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  REPLSCOPE_AUDIT_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(90),
  REPLSCOPE_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://replscope.example.com" }).optional(),
  REPLSCOPE_ALERTS: z.enum(["on", "off"]).default("on"),
  REPLSCOPE_ALERT_REPEAT_MINUTES: z.coerce.number().min(1).max(10_080).default(240),
  REPLSCOPE_ALERT_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(8000),
  REPLSCOPE_ALERT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  REPLSCOPE_ALERT_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  REPLSCOPE_ALERT_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
  REPLSCOPE_ALERT_GIVE_UP_HOURS: z.coerce.number().min(0.001).max(168).default(24),
  REPLSCOPE_ALERTMANAGER_REPOST_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  REPLSCOPE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const { invalid } = parseTrustedProxies(v);
      if (invalid.length) ctx.addIssue({ code: "custom", message: `not an IP address or CIDR: ${invalid.map((e) => JSON.stringify(e)).join(", ")}` });
    }),
  // Sign-in: an admin bearer token, the unattended first admin, and Secure cookies without an HTTPS proxy.
  REPLSCOPE_API_TOKEN: z.string().optional(),
  REPLSCOPE_ADMIN_USER: z.string().optional(),
  REPLSCOPE_ADMIN_PASSWORD: z.string().optional(),
  REPLSCOPE_SECURE_COOKIES: z.string().optional(),
  // The dump-and-load copy: programs and the client's auth-plugin directory (else found on PATH / the usual places).
  REPLSCOPE_DUMP: z.string().optional(),
  REPLSCOPE_CLIENT: z.string().optional(),
  REPLSCOPE_CLIENT_PLUGIN_DIR: z.string().optional(),
  MARIADB_PLUGIN_DIR: z.string().optional(),
  PATH: z.string().default(""),
});

/** Which database replscope keeps its own data in (chosen by REPLSCOPE_DATABASE_URL). */
export type Backend = { kind: "sqlite"; file: string } | { kind: "mysql"; url: string };

/** The app's configuration; throws a readable error at startup when a variable is malformed. */
export type AppEnv = z.infer<typeof schema> & { dataDir: string; sqliteFile: string; backend: Backend; trustedProxies: Cidr[] };

function backendOf(url: string | undefined, dataDir: string): Backend {
  if (url && !url.startsWith("file:")) return { kind: "mysql", url };
  return { kind: "sqlite", file: url ? path.resolve(url.slice("file:".length)) : path.join(dataDir, "replscope.db") };
}

let cached: AppEnv | undefined;

/** Reads and validates the environment once per process. */
export function env(): AppEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid replscope configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.REPLSCOPE_DATA_DIR);
  const trustedProxies = parseTrustedProxies(parsed.data.REPLSCOPE_TRUSTED_PROXIES).nets;
  const backend = backendOf(parsed.data.REPLSCOPE_DATABASE_URL, dataDir);
  cached = { ...parsed.data, dataDir, sqliteFile: backend.kind === "sqlite" ? backend.file : path.join(dataDir, "replscope.db"), backend, trustedProxies };
  return cached;
}
