import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm start` serves the gateway by default. */
export const DEFAULT_GATEWAY = 'http://127.0.0.1:4000';

/**
 * The dashboard calls /graphql on its own origin (HTTP and graphql-ws); vite forwards both to the
 * gateway. The Host header is kept (no changeOrigin), so the gateway sees the page's own origin and
 * needs no CORS_ORIGINS entry.
 */
export function gatewayProxy(gateway: string): Record<string, ProxyOptions> {
  return { '/graphql': { target: gateway, ws: true } };
}

/** The dashboard's vite config; scripts/dashboard.ts and the browser test pass the gateway they started. */
export function dashboardConfig(gateway: string = DEFAULT_GATEWAY): UserConfig {
  const proxy = gatewayProxy(gateway);
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react()],
    server: { host: '127.0.0.1', proxy },
    preview: { host: '127.0.0.1', proxy },
  };
}

export default defineConfig(dashboardConfig());
