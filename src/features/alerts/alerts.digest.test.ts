/**
 * Alerts and digests (issue 5): one mail per period with everything followed that is new, at
 * the right time for each frequency, read through the public projection only.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildWijk } from '../../../test/factories.js'
import { addMs, DAY } from '../../kernel/clock.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { contentThemes } from '../content/content.tables.js'
import { digestsTo, follower, header, publish, runDue } from './alerts.test-helpers.js'

let t: TestPlatform
afterEach(() => t?.stop())

const SECRET_MAIL = 'prive-sentinel-7f3a@example.test'
const SECRET_PHONE = '06-99887766'

describe('alert digests', () => {
  it('right away: several new matching items become ONE mail within ten minutes, never the same item twice, and nothing hidden, expired, draft or private is mailed', async () => {
    t = await createTestPlatform()
    const wijk = await buildWijk(t, { name: 'Oosterpark' })
    const other = await buildWijk(t, { name: 'Elders' })
    const anna = await follower(t, wijk.id, ['category:klussen'], 'immediate')
    await runDue(t) // schedules start now; nothing is new yet
    expect(digestsTo(t, anna.email)).toHaveLength(0)

    t.clock.advance({ minutes: 2 })
    const now = t.clock.now()
    await publish(t, { wijkId: wijk.id, title: 'Wie helpt met een kast ophangen', category: 'klussen', contactEmail: SECRET_MAIL, contactPhone: SECRET_PHONE, contactPhonePublic: false })
    await publish(t, { wijkId: wijk.id, type: 'offer', title: 'Ik repareer fietsen', category: 'klussen' })
    await publish(t, { wijkId: wijk.id, title: 'Lift naar het ziekenhuis', category: 'vervoer' })
    await publish(t, { wijkId: other.id, title: 'Klus in een andere wijk', category: 'klussen' })
    await publish(t, { wijkId: wijk.id, title: 'Concept klus', category: 'klussen', status: 'draft', publishedAt: null })
    await publish(t, { wijkId: wijk.id, title: 'Verborgen klus', category: 'klussen', status: 'hidden', hiddenKind: 'moderator', hiddenReason: 'x', hiddenAt: now })
    await publish(t, { wijkId: wijk.id, title: 'Verlopen klus', category: 'klussen', expiresAt: addMs(now, 60_000) })

    t.clock.advance({ minutes: 10 })
    await runDue(t)
    const mails = digestsTo(t, anna.email)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.subject).toContain('Nieuw in je wijk (2)')
    expect(mail.text).toContain('Wie helpt met een kast ophangen')
    expect(mail.text).toContain('Ik repareer fietsen')
    expect(mail.text).toContain('Hallo Volger')
    for (const absent of ['Lift naar het ziekenhuis', 'Klus in een andere wijk', 'Concept klus', 'Verborgen klus', 'Verlopen klus', SECRET_MAIL, SECRET_PHONE]) {
      expect(mail.raw).not.toContain(absent)
      expect(mail.html).not.toContain(absent)
    }
    expect(header(mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost\/afmelden\/meldingen\/[A-Za-z0-9_-]{43}>$/)
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    // Nothing new: no mail. One new item: a mail with only that item.
    t.clock.advance({ minutes: 10 })
    await runDue(t)
    expect(digestsTo(t, anna.email)).toHaveLength(1)
    await publish(t, { wijkId: wijk.id, title: 'Schilder gezocht', category: 'klussen' })
    t.clock.advance({ minutes: 10 })
    await runDue(t)
    const second = digestsTo(t, anna.email)
    expect(second).toHaveLength(2)
    expect(second[1]!.text).toContain('Schilder gezocht')
    expect(second[1]!.text).not.toContain('Wie helpt met een kast ophangen')
    expect(second[1]!.text).not.toContain('Ik repareer fietsen')
  })

  it('daily: one mail after 07:00 Amsterdam time with the whole day, none before, none for someone with nothing new', async () => {
    t = await createTestPlatform() // Monday 2 March 2026, 10:00 in Amsterdam
    const wijk = await buildWijk(t)
    await ensureDefaultThemes(t.deps.db, wijk.id)
    const bob = await follower(t, wijk.id, ['theme:burenhulp', 'module:agenda'], 'daily')
    const quiet = await follower(t, wijk.id, ['category:spullen'], 'daily')
    const burenhulpId = (await listThemes(t.deps.db, wijk.id)).find((th) => th.slug === 'burenhulp')!.id
    await runDue(t)

    t.clock.advance({ minutes: 5 })
    const help = await publish(t, { wijkId: wijk.id, type: 'offer', title: 'Boodschappen voor de buren', category: 'boodschappen' })
    await t.deps.db.insert(contentThemes).values({ contentId: help.id, themeId: burenhulpId })
    t.clock.advance({ hours: 5 })
    await publish(t, { wijkId: wijk.id, type: 'activity', title: 'Buurtborrel', startsAt: addMs(t.clock.now(), 3 * DAY) })
    await publish(t, { wijkId: wijk.id, type: 'news', title: 'Nieuws zonder volgers' })
    await runDue(t)
    expect(digestsTo(t, bob.email)).toHaveLength(0)

    t.clock.set('2026-03-03T05:55:00Z') // 06:55 in Amsterdam
    await runDue(t)
    expect(digestsTo(t, bob.email)).toHaveLength(0)

    t.clock.set('2026-03-03T06:05:00Z') // 07:05 in Amsterdam
    await runDue(t)
    const mails = digestsTo(t, bob.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('Vandaag nieuw in je wijk (2)')
    expect(mails[0]!.text).toContain('Boodschappen voor de buren')
    expect(mails[0]!.text).toContain('Buurtborrel')
    expect(mails[0]!.text).not.toContain('Nieuws zonder volgers')
    expect(digestsTo(t, quiet.email)).toHaveLength(0)

    // Later that day, more runs: still one mail.
    await publish(t, { wijkId: wijk.id, type: 'activity', title: 'Nog een activiteit', startsAt: addMs(t.clock.now(), 2 * DAY) })
    t.clock.advance({ minutes: 20 })
    await runDue(t)
    t.clock.advance({ hours: 6 })
    await runDue(t)
    expect(digestsTo(t, bob.email)).toHaveLength(1)
    t.clock.set('2026-03-04T06:05:00Z')
    await runDue(t)
    const next = digestsTo(t, bob.email)
    expect(next).toHaveLength(2)
    expect(next[1]!.text).toContain('Nog een activiteit')
    expect(next[1]!.text).not.toContain('Buurtborrel')
  })

  it('weekly: one mail on Monday after 07:00, in the follower’s language; never: no mail at all', async () => {
    t = await createTestPlatform()
    const wijk = await buildWijk(t)
    const emma = await follower(t, wijk.id, ['module:nieuws'], 'weekly', { lang: 'en' })
    const never = await follower(t, wijk.id, ['module:nieuws'], 'never')
    await runDue(t)

    t.clock.set('2026-03-04T10:00:00Z') // Wednesday
    await publish(t, { wijkId: wijk.id, type: 'news', title: 'Straatfeest op zaterdag' })
    await runDue(t)
    t.clock.set('2026-03-08T12:00:00Z') // Sunday
    await publish(t, { wijkId: wijk.id, type: 'news', title: 'Nieuwe bankjes in het park' })
    await runDue(t)
    t.clock.set('2026-03-09T05:50:00Z') // Monday 06:50 in Amsterdam
    await runDue(t)
    expect(digestsTo(t, emma.email)).toHaveLength(0)

    t.clock.set('2026-03-09T06:10:00Z') // Monday 07:10
    await runDue(t)
    const mails = digestsTo(t, emma.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('New in your wijk this week (2)')
    expect(mails[0]!.text).toContain('Straatfeest op zaterdag')
    expect(mails[0]!.text).toContain('Nieuwe bankjes in het park')
    expect(mails[0]!.text).toContain('Unsubscribe with one click')

    t.clock.set('2026-03-12T10:00:00Z')
    await runDue(t)
    expect(digestsTo(t, emma.email)).toHaveLength(1)
    expect(digestsTo(t, never.email)).toHaveLength(0)
  })
})
