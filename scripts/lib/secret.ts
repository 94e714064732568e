import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const newSecret = () => randomBytes(32).toString("base64url");

/** For the embedded default only: one random secret, made once, kept in the ignored data folder. */
export function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = newSecret();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The passwords of an embedded cluster's three roles. */
export type ClusterCredentials = { superuser: string; owner: string; app: string };

/**
 * An embedded cluster's passwords, generated on first use and kept in `file`
 * (mode 600, readable by this account only). A password missing from an
 * older file is added; existing ones never change.
 */
export function clusterCredentials(file: string): ClusterCredentials {
  const saved: Partial<ClusterCredentials> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const credentials: ClusterCredentials = {
    superuser: saved.superuser || newSecret(),
    owner: saved.owner || newSecret(),
    app: saved.app || newSecret(),
  };
  if (saved.superuser !== credentials.superuser || saved.owner !== credentials.owner || saved.app !== credentials.app) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a crash never leaves half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    renameSync(partial, file);
  }
  chmodSync(file, 0o600);
  return credentials;
}
