import { EnvError, getEnv } from "./env";

/** Refuse to serve with a missing or malformed setting, and say which in one line. */
export function exitOnInvalidEnv() {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
