/**
 * What makes a demo wijk look like one on the first visit: its logo, a cover photo (drawn here,
 * see pictures.ts) and a newsletter with subscribers (the demo residents through their accounts,
 * and a few neighbours by email only, all confirmed). Runs inside the demo seed's transaction.
 */
import { eq } from 'drizzle-orm'
import type { Deps } from '../kernel/context.js'
import type { Db } from '../kernel/db/client.js'
import { hashToken } from '../kernel/auth/tokens.js'
import { processImage, storeImage } from '../kernel/files/images.js'
import { wijken } from '../features/places/places.tables.js'
import { processLogo } from '../features/places/logo.js'
import { COVER } from '../features/places/places.cover.js'
import { newsletterSubscriptions } from '../features/newsletter/newsletter.tables.js'
import { linkToken } from '../features/newsletter/newsletter.tokens.js'
import { coverSvg, rasterise, wijkLogoSvg } from './pictures.js'

export interface IdentityWijk {
  id: number
  name: string
  colour: string
  /** Demo accounts of this wijk that read its newsletter. */
  subscribers: string[]
}

/** Neighbours who follow the newsletter without an account (fictional addresses). */
const EMAIL_SUBSCRIBERS = [
  ['Ineke', 'Bos'],
  ['Ravi', 'Persaud'],
  ['Tom', 'de Wit'],
  ['Samira', 'Haddou'],
] as const

const asFile = (png: Buffer, name: string) => new File([new Uint8Array(png)], name, { type: 'image/png' })

async function dressWijk(deps: Pick<Deps, 'files'>, db: Db, wijk: IdentityWijk, index: number, now: Date): Promise<void> {
  const logo = await processLogo(asFile(await rasterise(wijkLogoSvg(wijk.colour)), 'logo.png'))
  const cover = await processImage(asFile(await rasterise(coverSvg(wijk.colour, index + 1)), 'cover.png'), COVER)
  if (!logo.ok || !cover.ok) throw new Error(`demo pictures of ${wijk.name} failed`)
  await deps.files.put(logo.key, logo.data)
  await storeImage(deps.files, cover.image)
  await db
    .update(wijken)
    .set({
      logoPath: logo.key,
      coverKey: cover.image.key,
      coverWidths: cover.image.files.map((f) => f.width),
      coverWidth: cover.image.width,
      coverHeight: cover.image.height,
      coverAlt: `Getekende straat in ${wijk.name}: rijtjeshuizen met daken in de kleur van de wijk, bomen en een blauwe lucht`,
      updatedAt: now,
    })
    .where(eq(wijken.id, wijk.id))
}

async function subscribe(deps: Pick<Deps, 'config'>, db: Db, wijk: IdentityWijk, index: number, now: Date): Promise<void> {
  const rows = [
    ...wijk.subscribers.map((userId) => ({ userId, email: null, firstName: null, lastName: null })),
    ...EMAIL_SUBSCRIBERS.filter((_, i) => (i + index) % 2 === 0).map(([firstName, lastName]) => ({
      userId: null,
      email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@buren-${wijk.id}.example`,
      firstName,
      lastName,
    })),
  ]
  await db.insert(newsletterSubscriptions).values(
    rows.map((r) => ({
      ...r,
      wijkId: wijk.id,
      lang: 'nl' as const,
      status: 'confirmed' as const,
      tokenHash: hashToken(linkToken(deps.config.sessionSecret, { wijkId: wijk.id, userId: r.userId, email: r.email, createdAt: now })),
      createdAt: now,
      confirmedAt: now,
    })),
  )
}

export async function seedDemoIdentity(deps: Pick<Deps, 'files' | 'config'>, db: Db, list: IdentityWijk[], now: Date): Promise<void> {
  for (const [index, wijk] of list.entries()) {
    await dressWijk(deps, db, wijk, index, now)
    await subscribe(deps, db, wijk, index, now)
  }
}
