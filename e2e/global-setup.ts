/**
 * Runs once before the browser tests: one Chromium for the whole run, which every test file
 * connects to (a context per page keeps them apart), instead of a browser started per file.
 */
import { chromium, type BrowserServer } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { BROWSER_ARGS, CHROMIUM, browserAvailable } from './browser-binary.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser's WebSocket endpoint, or '' where no Chromium is installed. */
    browserEndpoint: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: BrowserServer | undefined
  if (browserAvailable()) server = await chromium.launchServer({ executablePath: CHROMIUM, args: BROWSER_ARGS })
  project.provide('browserEndpoint', server?.wsEndpoint() ?? '')
  return async () => {
    await server?.close()
  }
}
