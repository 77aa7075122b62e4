import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveCaller, type Caller } from "./get-caller";
import { hasRole, type Role } from "./roles";

/** For server pages: the signed-in user, or a redirect to sign-in. Pages are never public. */
export async function requirePageCaller(minRole: Role = "viewer"): Promise<Caller> {
  const h = await headers();
  const caller = await resolveCaller(h);
  if (!caller || caller.via !== "session") redirect("/sign-in");
  if (!hasRole(caller.role, minRole)) redirect("/?forbidden=1");
  return caller;
}
