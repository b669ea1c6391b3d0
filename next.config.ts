import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run dev` serves the lab at both localhost and 127.0.0.1 (the cross-site lab needs the two
  // as different sites): Next serves its dev resources only to origins it is told about.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // Next's dev indicator sat on top of the Session panel; errors still open Next's overlay.
  devIndicators: false,
  // Server actions accept small forms only (logins): 16 KiB is plenty.
  experimental: { serverActions: { bodySizeLimit: "16kb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
