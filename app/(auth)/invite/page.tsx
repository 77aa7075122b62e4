import { PasswordForm } from "@/components/auth/password-form";

export const metadata = { title: "Accept invitation" };

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Choose your password</h1>
      {token ? (
        <PasswordForm token={token} mode="invite" />
      ) : (
        <p className="text-sm text-slate-700">Open the invitation link an admin gave you.</p>
      )}
    </div>
  );
}
