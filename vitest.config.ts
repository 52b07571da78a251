import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@m2/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)),
    },
  },
  // The console's components are TSX with React's automatic runtime.
  esbuild: { jsx: 'automatic' },
  test: {
    testTimeout: 20000,
    hookTimeout: 20000,
    projects: [
      { extends: true, test: { name: 'node', include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts'] } },
      // Component tests of the console run in jsdom.
      { extends: true, test: { name: 'ui', include: ['admin-ui/src/**/*.test.{ts,tsx}'], environment: 'jsdom' } },
    ],
  },
});
