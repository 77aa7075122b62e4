// Run by `npm start` when the database has no users: creates the admin from
// BULWARK_ADMIN_EMAIL/PASSWORD, or prints a one-time setup link.
import { ensureFirstAdmin } from "@/lib/users/ensure-first-admin";

const result = await ensureFirstAdmin();
if (result && "created" in result)
  console.log(`[bulwark] Created the first admin, ${result.created}, from BULWARK_ADMIN_EMAIL.`);
if (result && "setupUrl" in result) {
  console.log(
    `[bulwark] No users yet. Open this one-time link within 24 hours to create the first admin:\n[bulwark]   ${result.setupUrl}`,
  );
}
process.exit(0);
