import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import type { Caller } from "@/lib/access/caller";
import { hasRole, type Role } from "@/lib/access/roles";
import { resolveCaller } from "@/lib/auth/resolve-caller";

/** One session lookup per request, however many layouts and pages ask. */
const currentCaller = cache(async () => resolveCaller(await headers()));

/** For server pages: the signed-in user, or a redirect to sign-in. Pages are never public. */
export async function requirePageCaller(minRole: Role = "viewer"): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller || caller.via !== "session") redirect("/sign-in");
  if (!hasRole(caller.role, minRole)) redirect("/?forbidden=1");
  return caller;
}
