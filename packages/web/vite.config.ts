import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at /; in development Vite serves the app and forwards the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Report gzip sizes so the 300 kB first-page budget (docs/quality.md) stays visible.
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
