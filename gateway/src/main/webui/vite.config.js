import { defineConfig } from 'vite';

// Plain esbuild JSX for Preact: no plugin needed. In dev (quarkus dev via Quinoa) the API is on the same origin.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', sourcemap: false },
});
