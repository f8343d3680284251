// The MariaDB sandbox harness: throw-away servers, replication wiring, fault injection, guaranteed teardown.
export { freePort, Sandbox, type SandboxOptions } from "./instance";
export { startSandbox, startSandboxes } from "./start";
export { teardownAll } from "./registry";
export { slaveStatus, waitForCaughtUp, waitForSlave, wireGtidReplica, wireReplication, type SlaveRow, type WireOptions } from "./replication";
export { createUser, injectDuplicateKeyConflict, setMasterDelay, stopReplicaSqlThread } from "./faults";
export { wireMasterMaster, wireChain } from "./topologies";
export { GALERA_PROVIDER, startGaleraCluster, waitForWsrep, type GaleraCluster } from "./galera";
