import { defineConfig } from 'vite';

// Plain esbuild JSX for Preact: no plugin needed. In production the gateway serves the built files (Quinoa). For
// `npx vite` alone, the API calls go to a running gateway (RAPPORT_GATEWAY_URL, default http://127.0.0.1:8080).
const gateway = process.env.RAPPORT_GATEWAY_URL || 'http://127.0.0.1:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', sourcemap: false },
  server: {
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/oauth': { target: gateway, changeOrigin: false },
    },
  },
});
