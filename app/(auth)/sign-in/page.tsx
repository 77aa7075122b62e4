import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { isSsoConfigured } from "@/lib/auth/auth";
import { resolveCaller } from "@/lib/auth/resolve-caller";
import { env } from "@/lib/env.js";

export const metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  setup: "Bulwark is set up. Sign in with the admin account you just created.",
  invited: "Your password is set. Sign in to continue.",
  failed: "Single sign-on did not complete. Try again, or ask an admin whether your group has a Bulwark role.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (await resolveCaller(await headers())) redirect("/");
  const params = await searchParams;
  const notice = params.done ? (NOTICES[params.done] ?? null) : params.sso === "failed" ? NOTICES.failed! : null;
  return <SignInForm sso={isSsoConfigured() ? { name: env.BULWARK_OIDC_NAME } : null} notice={notice} />;
}
