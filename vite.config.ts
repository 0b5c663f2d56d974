import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app's Content-Security-Policy (issue 7): everything from its own origin, nothing else. Workers and
 * WebAssembly are same-origin files ('wasm-unsafe-eval' lets parquet-wasm compile; no JavaScript eval); downloads
 * are blob: URLs the page creates. Build only: the dev server injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // One file per worker: a chunk split off a worker imports the worker's own file back, which becomes a second copy
  // of the worker (a second API answering its messages) whenever the worker's URL carries a query.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  // The dependency scanner does not follow `new Worker(new URL(...))` (STACK_NOTES).
  optimizeDeps: { include: ['@faker-js/faker', 'apache-arrow', 'comlink'] },
  // Served as a header too, so the policy also binds the workers (a worker takes its policy from its own response).
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: { outDir: 'dist', target: 'es2022' },
});
