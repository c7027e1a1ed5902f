/** A test that makes the app log an error or call console.error fails (Epic Stack's habit). */
import { afterEach, vi } from 'vitest'

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
