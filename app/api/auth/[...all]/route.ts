import { noStore } from "@/lib/api/no-store";
import { getAuth } from "@/lib/auth/auth";

// Sign-in, sign-out, sessions and single sign-on, served by better-auth. Public by nature:
// these are how a caller becomes someone. Sign-up is disabled; users come from invitations.
// Its answers carry sessions and users: never cached.
const handle = async (request: Request) => noStore(await getAuth().handler(request));
export const GET = handle;
export const POST = handle;
