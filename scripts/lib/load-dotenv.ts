import { existsSync } from "node:fs";

/** Reads .env when present; real environment variables win. */
export function loadDotEnv() {
  if (existsSync(".env")) process.loadEnvFile(".env");
}
