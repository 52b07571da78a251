// How the console names a server: its name, or its UUID when it has none (as m2sh does).

/** The server's name as the console shows it. */
export function serverName(s: { name: string; uuid: string }): string {
  return s.name || s.uuid;
}
