/** A test that makes the app log an error or call console.error fails (Epic Stack's habit). */
import { afterEach, vi } from 'vitest'
import { installMessages } from '../src/kernel/i18n/catalog.js'
import { messages } from '../src/messages.js'

// Unit tests that render or compose without building the platform need the messages too.
installMessages(messages)

const errors: unknown[][] = []
const original = console.error
console.error = (...args: unknown[]) => {
  errors.push(args)
  original(...args)
}

afterEach(() => {
  if (errors.length) {
    const first = errors.splice(0)
    throw new Error(`console.error was called: ${String(first[0]?.[0])}`)
  }
  vi.restoreAllMocks()
})
