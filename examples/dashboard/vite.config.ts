import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm start` serves the gateway by default. */
const DEFAULT_GATEWAY = 'http://127.0.0.1:4000';

/**
 * The dashboard's vite config; scripts/dashboard.ts and the browser test pass the gateway they started.
 * The app calls /graphql on its own origin (HTTP and graphql-ws) and vite forwards both to the
 * gateway, keeping the Host header (no changeOrigin): the gateway sees a same-origin page and needs
 * no CORS_ORIGINS entry.
 */
export function dashboardConfig(gateway: string = DEFAULT_GATEWAY): UserConfig {
  const proxy: Record<string, ProxyOptions> = { '/graphql': { target: gateway, ws: true } };
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react()],
    server: { host: '127.0.0.1', proxy },
    preview: { host: '127.0.0.1', proxy },
  };
}

export default defineConfig(dashboardConfig());
