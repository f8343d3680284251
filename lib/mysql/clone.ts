// Reads where a MySQL CLONE stands on the recipient (performance_schema.clone_status).
import "server-only";
import { CLONE_STATUS_QUERY } from "@/lib/domain/bootstrap/clone";
import type { Queryable, Rows } from "./query";

/** The recipient's clone_status row; undefined while it cannot be read (it restarts after a clone). */
export const readCloneStatus = (c: Queryable): Promise<Record<string, unknown> | undefined> => c.query<Rows>(CLONE_STATUS_QUERY).then((r) => r[0], () => undefined);
