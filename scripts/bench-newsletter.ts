/**
 * For `npm run bench`: gives a wijk N confirmed newsletter subscribers (addresses without an
 * account, under example.test) and a draft newsletter by its wijkbeheerder, so the benchmark can
 * press "send" over HTTP while it measures the wijk's pages. Run with the server stopped.
 *
 * Usage: tsx scripts/bench-newsletter.ts <wijk-slug> <subscribers> [drafts]
 * Prints {"wijkId":…,"newsletterIds":[…]} as its last line; draft i has the subject
 * "Nieuws uit de wijk (benchmark i)".
 */
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { loadConfig } from '../src/config/env.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { acquireDataDirLock } from '../src/kernel/db/lock.js'
import { hashToken } from '../src/kernel/auth/tokens.js'
import { systemClock } from '../src/kernel/clock.js'
import { wijken } from '../src/features/places/places.tables.js'
import { users } from '../src/features/accounts/accounts.tables.js'
import { newsletterSubscriptions } from '../src/features/newsletter/newsletter.tables.js'
import { createNewsletter } from '../src/features/newsletter/newsletter.admin.service.js'

const [slug, count, drafts] = [process.argv[2] ?? '', Number(process.argv[3]), Number(process.argv[4] ?? 1)]
if (!slug || !Number.isInteger(count) || count < 1 || !Number.isInteger(drafts) || drafts < 1) {
  process.stderr.write('Usage: tsx scripts/bench-newsletter.ts <wijk-slug> <subscribers> [drafts]\n')
  process.exit(1)
}

const config = loadConfig(process.env)
const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir)
const database = await openConfiguredDatabase(config)
try {
  const { db } = database
  const [wijk] = await db.select().from(wijken).where(eq(wijken.slug, slug))
  if (!wijk) throw new Error(`no wijk ${slug}`)
  const [editor] = await db.select().from(users).where(eq(users.email, `wijkbeheer.${slug}@lindeburg.test`))
  if (!editor) throw new Error(`no wijkbeheerder for ${slug} (demo data)`)
  const now = new Date()
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
      wijkId: wijk.id,
      email: `lezer-${i + j}@example.test`,
      firstName: `Lezer ${i + j}`,
      lang: 'nl' as const,
      status: 'confirmed' as const,
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
      createdAt: now,
      confirmedAt: now,
    }))
    await db.insert(newsletterSubscriptions).values(rows).onConflictDoNothing()
  }
  const day = now.toISOString().slice(0, 10)
  const newsletterIds: number[] = []
  for (let i = 1; i <= drafts; i++) {
    newsletterIds.push(
      await createNewsletter({ db, clock: systemClock }, editor.id, wijk.id, {
        subject: `Nieuws uit de wijk (benchmark ${i})`, // scripts/bench.ts looks for it in the archive
        body: 'Een nieuwsbrief om te meten hoe de site zich houdt terwijl hij wordt verstuurd.',
        activities: true,
        prikbord: true,
        news: true,
        periodFrom: day,
        periodTo: day,
      }),
    )
  }
  process.stdout.write(`${JSON.stringify({ wijkId: wijk.id, newsletterIds })}\n`)
} finally {
  await database.close()
  release()
}
