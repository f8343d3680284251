// Roles and what each may do (pure): viewer sees, operator also operates, admin also manages.
import { z } from "zod";

/** The three roles, least to most powerful. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` includes the rights of `needed`. */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who is asking: a signed-in user or an API token. */
export interface Principal {
  kind: "user" | "token";
  id: string;
  name: string;
  role: Role;
}

/** Who asked and from where, for the audit trail (actor: user name, or `token:<name>`). */
export interface Caller {
  actor: string;
  address: string | null;
}

/** The audit trail's name for a principal: the user name, or `token:<name>` for API tokens. */
export const actorOf = (p: Principal) => (p.kind === "token" ? `token:${p.name}` : p.name);

/** A password replscope accepts (also for changes and resets): 12+ characters. */
export const passwordSchema = z.string().min(12, "At least 12 characters").max(256, "At most 256 characters");

/** New users: names of letters, digits and ._-, and an acceptable password. */
export const credentialsSchema = z.object({
  username: z.string().trim().min(1, "User name is required").max(64).regex(/^[A-Za-z0-9._-]+$/, "Letters, digits, . _ and - only"),
  password: passwordSchema,
});
