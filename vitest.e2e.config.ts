import { defineConfig } from 'vitest/config'
import { shared } from './vitest.config.js'

/** `npm run test:e2e`: the journeys and accessibility checks in Chromium, one browser per run. */
export default defineConfig({
  test: {
    ...shared,
    include: ['e2e/**/*.e2e.ts'],
    isolate: false,
    // A browser check waits for the browser about as often as it computes: a third file keeps
    // both cores busy (measured: 530 s with two, 470 s with three and isolate off).
    maxWorkers: 3,
    // Node's default young generation: here the work is Chromium's, and the larger one of the unit
    // tests measured no gain (270 s without, 287 s with, on one machine an hour apart).
    execArgv: [],
    globalSetup: [...shared.globalSetup, 'e2e/global-setup.ts'],
  },
})
