import { defineConfig } from "prisma/config";

// The CLI only needs the URL for commands that touch a database; generation
// does not. Migrations are applied by scripts/db (WASM schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/trellis" },
});
