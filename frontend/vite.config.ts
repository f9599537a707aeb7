import { fileURLToPath, URL } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const backend = process.env.SAVOIR_BACKEND_URL ?? "http://127.0.0.1:8000";
const proxied = ["/api", "/media", "/admin"];
const rr = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/development/${file}`, import.meta.url));

export default defineConfig(({ command }) => ({
  // Django (WhiteNoise) serves the built files under /static/; the dev server serves from /.
  base: command === "build" ? "/static/" : "/",
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json: Django reads it to preload the visitor's language module.
    manifest: true,
    sourcemap: true,
    // Never inline assets as data: URLs: the CSP is default-src 'self'.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries in one chunk of their own: it changes only when dependencies do, so browsers
        // keep it across releases. Pages are split by the router (src/app/routes.tsx).
        advancedChunks: { groups: [{ name: "vendor", test: /[\\/]node_modules[\\/]/ }] },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    // Tests wait in fake time only (src/test/setup.ts), so the real-time limit guards against a
    // hang, not slowness: 5 s (the default) was too short for the first render of a page while
    // pytest and Chromium share the machine's two cores.
    testTimeout: 60_000,
    unstubGlobals: true,
    // One copy of react-router for both "react-router" and "react-router/dom" (both ESM builds
    // share their chunks; left to Node, the CJS and ESM builds would each hold a router context).
    alias: [
      { find: /^react-router$/, replacement: rr("index.mjs") },
      { find: /^react-router\/dom$/, replacement: rr("dom-export.mjs") },
    ],
  },
}));
