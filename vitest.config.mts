import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node. Core code never imports electron; the
// shell's wiring tests get the one allowed fake through this alias.
export default defineConfig({
  resolve: {
    alias: { electron: fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
