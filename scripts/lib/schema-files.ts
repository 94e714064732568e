import path from "node:path";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
// The schema as of the newest migration. `db:migration` diffs against it,
// because diffing against a live database is not reliable with the WASM
// engine (see ENGINEERING.md). Not a .prisma file, so no tool reads it as one.
export const SNAPSHOT_PATH = path.resolve("prisma/migrations/schema.snapshot");
