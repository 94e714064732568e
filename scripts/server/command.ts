// How to start Trellis's server (./trellis-server.ts) as a child process:
// `node --import tsx` runs the TypeScript directly, in one process.
export const TRELLIS_SERVER = "scripts/server/trellis-server.ts";

export function trellisServerArgs(mode: "start" | "dev", { port, hostname }: { port: number | string; hostname?: string }): string[] {
  return ["--import", "tsx", TRELLIS_SERVER, mode, "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])];
}
