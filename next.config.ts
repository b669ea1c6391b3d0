import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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

// next-intl reads the locale per request (i18n/request.ts); messages are compiled at build time, so
// the browser gets a formatter of under 1 KB instead of an ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: ["en", "ko"], precompile: true },
  },
});

export default withNextIntl(nextConfig);
