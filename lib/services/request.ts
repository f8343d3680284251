// Reads that pages and server components share within one request (React `cache()`): the registry is read once.
import "server-only";
import { cache } from "react";
import { allows, type Principal, type Role } from "@/lib/domain/auth";
import { currentPrincipal } from "./session";
import { readRegistryView } from "./status";

/** The registry and latest statuses, read once per request however many components ask (outside a render: each call reads). */
export const registryView = cache(readRegistryView);

/** The signed-in principal, resolved once per request (the nav and the page ask for it). */
export const requestPrincipal = cache(currentPrincipal);

/** The role checks a page needs, from the request's one principal. */
export function rolesOf(p: Principal | null): Record<Role, boolean> {
  return { viewer: !!p && allows(p.role, "viewer"), operator: !!p && allows(p.role, "operator"), admin: !!p && allows(p.role, "admin") };
}
