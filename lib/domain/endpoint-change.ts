// A stored password goes only to the endpoint it was entered for: changing a server's host or port needs it again (pure).

/** The field error (and the edit form's hint) when the host or port changes without the password. */
export const PASSWORD_AGAIN = "Enter the password again when you change the host or port";

/** Whether a change points a server at another endpoint (host compared case-insensitively, as DNS does). */
export function movesEndpoint(current: { host: string; port: number }, next: { host?: string | null; port?: number | string | null }): boolean {
  const host = next.host?.trim();
  const port = next.port === undefined || next.port === null || next.port === "" ? current.port : Number(next.port);
  return (!!host && host.toLowerCase() !== current.host.toLowerCase()) || port !== current.port;
}
