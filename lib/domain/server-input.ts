// Validation of server registrations (UI forms and JSON API share these schemas).
import { PROMOTION_RULES } from "./failover/rules";
import { z } from "zod";
import { noControlChars } from "./control-chars";
import { HEARTBEAT_SCHEMA_RE } from "./heartbeat";
import { parseRsaPublicKey } from "./public-key";
import { TLS_MODES } from "./tls-mode";

export { TLS_MODES, type TlsMode } from "./tls-mode";

const HOST_RE = /^(?:\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:]+:[0-9a-fA-F:.]*|[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252}))$/;

const optionalSeconds = z.coerce
  .number({ error: "Enter a whole number of seconds" })
  .int("Enter a whole number of seconds")
  .min(0, "Must be 0 or more")
  .max(31_536_000, "Must be at most one year")
  .nullish();

/** A pinned RSA public key: blank or null removes the pin; stored as SPKI PEM. */
const serverPublicKey = z
  .string({ error: "Paste a PEM public key, or leave it blank" })
  .max(8192, "At most 8192 characters")
  .nullish()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (v === null || v.trim() === "") return null;
    const r = parseRsaPublicKey(v);
    if ("pem" in r) return r.pem;
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  });

const fields = {
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "At most 100 characters"),
  host: noControlChars(z.string({ error: "Host is required" }), "Host").trim().min(1, "Host is required").max(255, "At most 255 characters").regex(HOST_RE, "Enter a host name or IP address"),
  port: z.coerce.number({ error: "Enter a port number" }).int("Enter a port number").min(1, "Port must be 1–65535").max(65535, "Port must be 1–65535"),
  user: noControlChars(z.string({ error: "User is required" }), "User").min(1, "User is required").max(80, "At most 80 characters"),
  password: noControlChars(z.string({ error: "Password is required (it may be empty)" }), "Password").max(512, "At most 512 characters"),
  tlsMode: z.enum(TLS_MODES, { error: "Choose disabled, required or verify" }),
  cluster: z.string().trim().max(100, "At most 100 characters").nullish(),
  tags: z.array(z.string().trim().min(1).max(40, "Each tag at most 40 characters")).max(20, "At most 20 tags"),
  lagWarnSeconds: optionalSeconds,
  lagCritSeconds: optionalSeconds,
  heartbeatEnabled: z.boolean({ error: "Must be true or false" }),
  heartbeatSchema: z.string().regex(HEARTBEAT_SCHEMA_RE, "Letters, digits, _ and $ only (at most 64)"),
  allowPublicKeyRetrieval: z.boolean({ error: "Must be true or false" }),
  serverPublicKey,
  promotionRule: z.enum(PROMOTION_RULES, { error: "Choose prefer, neutral or must_not" }),
};

const thresholdsOrdered = (v: { lagWarnSeconds?: number | null; lagCritSeconds?: number | null }) =>
  v.lagWarnSeconds == null || v.lagCritSeconds == null || v.lagWarnSeconds < v.lagCritSeconds;
const thresholdIssue = { message: "Critical must be above warning", path: ["lagCritSeconds"] };

/** A new server: everything but cluster, tags and thresholds is required. */
export const serverCreateSchema = z
  .object({
    ...fields,
    port: fields.port.default(3306),
    tlsMode: fields.tlsMode.default("disabled"),
    tags: fields.tags.default([]),
    heartbeatEnabled: fields.heartbeatEnabled.default(false),
    heartbeatSchema: fields.heartbeatSchema.default("replscope"),
    allowPublicKeyRetrieval: fields.allowPublicKeyRetrieval.default(false),
    promotionRule: fields.promotionRule.default("neutral"),
  })
  .refine(thresholdsOrdered, thresholdIssue);
export type ServerCreateInput = z.infer<typeof serverCreateSchema>;

/** A change to a server: any subset of fields; an absent or empty password keeps the stored one. */
export const serverUpdateSchema = z
  .object(fields)
  .partial()
  .refine(thresholdsOrdered, thresholdIssue);
export type ServerUpdateInput = z.infer<typeof serverUpdateSchema>;

/** Per-field error messages, as the forms and the API return them. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** Turns an HTML form's entries into the object the schemas expect (blank optional fields become null). */
export function formToServerInput(form: FormData, mode: "create" | "update"): Record<string, unknown> {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : v);
  const out: Record<string, unknown> = {
    name: text("name"),
    host: text("host"),
    port: text("port") || undefined,
    user: text("user"),
    tlsMode: text("tlsMode") || undefined,
    cluster: blankToNull(text("cluster")),
    tags: parseTags(text("tags") ?? ""),
    lagWarnSeconds: blankToNull(text("lagWarnSeconds")),
    lagCritSeconds: blankToNull(text("lagCritSeconds")),
    heartbeatEnabled: form.get("heartbeatEnabled") === "on",
    heartbeatSchema: text("heartbeatSchema") || undefined,
    allowPublicKeyRetrieval: form.get("allowPublicKeyRetrieval") === "on",
    serverPublicKey: text("serverPublicKey"),
    promotionRule: text("promotionRule") || undefined,
  };
  const password = text("password") ?? "";
  if (mode === "create" || password !== "") out.password = password;
  return out;
}

/** Splits "a, b c" into distinct tags. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean))];
}

/** Flattens zod issues into per-field messages. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
