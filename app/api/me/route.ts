import { withRoute } from "@/lib/api/with-route";

export const runtime = "nodejs";

// GET /api/me – who the caller is and with which role
export const GET = withRoute({
  role: "viewer",
  handler: async ({ caller }) => ({
    data: { email: caller.email, name: caller.name, role: caller.role, via: caller.via },
  }),
});
