import { PasswordForm } from "@/components/auth/password-form";

export const metadata = { title: "Set up Bulwark" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Create the first admin</h1>
      {token ? (
        <PasswordForm token={token} mode="setup" />
      ) : (
        <p className="text-sm text-slate-700">Open the one-time link that `npm start` printed to the console.</p>
      )}
    </div>
  );
}
