import { defineConfig } from "prisma/config";

// The datasource URL is only needed by commands that touch a database; Bulwark applies
// migrations itself (scripts/db-migrate.ts), so `prisma generate` works with none set.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
