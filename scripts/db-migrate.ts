// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded server.
import { prepareDatabase } from "@/lib/db/prepare-database";

const db = await prepareDatabase((line) => console.log(line));
console.log(db.applied.length ? `Done: ${db.applied.length} applied.` : "Database is up to date.");
await db.embedded?.stop();
