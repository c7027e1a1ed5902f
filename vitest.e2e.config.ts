import { defineConfig } from 'vitest/config'
import { shared } from './vitest.config.js'

/** `npm run test:e2e`: the journeys and accessibility checks in Chromium, one browser per run. */
export default defineConfig({
  test: {
    ...shared,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: [...shared.globalSetup, 'e2e/global-setup.ts'],
  },
})
