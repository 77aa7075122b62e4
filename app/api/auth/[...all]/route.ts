import { getAuth } from "@/lib/auth/auth";

// Sign-in, sign-out, sessions and single sign-on, served by better-auth. Public by nature:
// these are how a caller becomes someone. Sign-up is disabled; users come from invitations.
export const GET = (request: Request) => getAuth().handler(request);
export const POST = (request: Request) => getAuth().handler(request);
