import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The dependency scanner does not follow `new Worker(new URL(...))` (STACK_NOTES).
  optimizeDeps: { include: ['@faker-js/faker', 'apache-arrow', 'comlink'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { outDir: 'dist', target: 'es2022' },
});
