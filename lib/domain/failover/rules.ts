// Per-server failover promotion rules (as orchestrator's promotion rules): which replicas may become the new source.

/** prefer: ranked first among ready candidates; neutral; must_not: never promoted (backups, reporting, remote sites). */
export const PROMOTION_RULES = ["prefer", "neutral", "must_not"] as const;

/** A promotion rule. */
export type PromotionRule = (typeof PROMOTION_RULES)[number];

/** Ranking weight of a rule: prefer before neutral; must_not is refused outright, never ranked. */
export const ruleWeight = (r: PromotionRule) => (r === "prefer" ? 1 : 0);
