// How replscope connects to a server over TLS (no dependencies: the server form imports it in the browser).

/** disabled, required (encrypted, certificate not checked), verify (certificate chain and host name checked). */
export const TLS_MODES = ["disabled", "required", "verify"] as const;
export type TlsMode = (typeof TLS_MODES)[number];
