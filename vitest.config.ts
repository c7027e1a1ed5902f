import { defineConfig } from 'vitest/config'
import { LongRunningFirst } from './test/sequencer.js'

/**
 * `npm test`: everything that needs no browser. The browser checks (e2e/) have their own
 * config, vitest.e2e.config.ts (`npm run test:e2e`).
 */
export const shared = {
  globalSetup: ['test/global-setup.ts'],
  setupFiles: ['test/setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  maxWorkers: 2,
  fileParallelism: true,
  // A larger young generation: the tests allocate fast (rendering, XPath over e-invoices), and
  // with Node's default 16 MB semi-space the garbage collector took 44 % of a schematron run.
  // 64 MB halved that run; it costs memory only in the test workers.
  execArgv: ['--max-semi-space-size=64'],
}

export default defineConfig({
  test: {
    ...shared,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // A worker keeps the modules it loaded for the next file instead of transforming and importing
    // them again for each (a fifth of the suite's time). Every file still builds its own platform
    // and database; nothing a test relies on lives in module state.
    isolate: false,
    sequence: { sequencer: LongRunningFirst },
  },
})
