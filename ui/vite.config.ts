//! Vite build of the Throughline front end: bundles everything (no CDN) so the app runs under a strict CSP.
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // Tauri serves the bundle from its own protocol; relative asset paths keep it portable.
  base: "./",
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The dev mock backend reads the sample plan from the core crate.
    fs: { allow: [".."] },
  },
  build: {
    outDir: "dist",
    target: "es2022",
    chunkSizeWarningLimit: 3000,
  },
  worker: { format: "es" },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Above the 5 s an outcome may take (setup.ts), so a slow outcome fails with its reason.
    testTimeout: 15000,
  },
});
