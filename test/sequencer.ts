/**
 * The order test files start in. Vitest starts the files that took longest last time first, from
 * its cache; a fresh clone (CI) has no cache, and then it starts the largest files first. The
 * files below are small but take over a minute each (a delivery lease that must run out, real
 * servers started as processes, a crawl of every public page, e-invoices run through the EN 16931
 * and Peppol schematrons, the authorization matrix's walk of every route for every role, 28 s in a
 * beforeAll that the cache's durations do not count). Started last, one of them kept a core idle
 * at the end of the run (the matrix did: 28 s); started first, the rest of the suite runs beside them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const LONG_RUNNING = ['test/crash.test.ts', 'test/process.test.ts', 'src/features/search/leak.test.ts', 'src/features/billing/billing.ubl.test.ts', 'test/authz/matrix.test.ts']

export class LongRunningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const i = LONG_RUNNING.findIndex((name) => file.moduleId.endsWith(`/${name}`))
      return i === -1 ? LONG_RUNNING.length : i
    }
    // A stable sort: the cache's (or the size) order stays among the rest.
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file)
  }
}
