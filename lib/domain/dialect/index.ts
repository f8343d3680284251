// The dialect layer: every rule that depends on a server's flavor or version, and every statement built from them.
// Code outside lib/domain/dialect asks these predicates and builders instead of testing flavor or version itself.
export * from "./capabilities";
export * from "./change-source";
export * from "./config";
export * from "./control";
export * from "./dialect";
export * from "./dump";
export * from "./failover";
export * from "./privileges";
export * from "./queries";
export * from "./quote";
export * from "./semi-sync";
export * from "./sql-mode";
export * from "./version";
export * from "./clusters";
export * from "./poll-plan";
