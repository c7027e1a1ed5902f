/**
 * The card's markup, written as text (decisions/034): everything a resident typed is escaped,
 * in text and in attributes, and the card keeps its structure for every type and option.
 */
import { describe, it, expect } from 'vitest'
import { translator } from '../../kernel/i18n/i18n.js'
import { ItemCard, type CardData } from './wijk-site.cards.js'

const t = translator('nl')
const hostile = '"><script>alert(1)</script><b x=\'y\'>&amp;'
const card = (over: Partial<CardData>): CardData =>
  ({
    id: 1,
    wijkId: 1,
    slug: 'kaart',
    type: 'activity',
    title: hostile,
    summary: hostile,
    updatedAt: new Date('2026-05-01T10:00:00Z'),
    publishedAt: new Date('2026-04-01T10:00:00Z'),
    allDay: false,
    locationText: hostile,
    costCents: 0,
    openingHours: hostile,
    expiresAt: new Date('2026-08-01T00:00:00Z'),
    priceCents: 250,
    category: null,
    ...over,
  }) as CardData

const render = (p: Parameters<typeof ItemCard>[0]) => String(ItemCard(p))

describe('a card written as text', () => {
  it("escapes what a resident typed wherever it shows: title, summary, place, opening hours, a label, a note and the link", () => {
    for (const type of ['activity', 'organisation', 'request', 'offer', 'news', 'showcase'] as const) {
      const out = render({ t, lang: 'nl', card: card({ type, occursAt: new Date('2026-06-01T17:00:00Z') }), href: `/w/${hostile}`, label: hostile, note: hostile })
      expect(out, type).not.toContain('<script>')
      expect(out, type).not.toContain('<b ')
      expect(out, type).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(out, type).toContain('href="/w/&quot;&gt;&lt;script&gt;')
      expect(out, type).toContain('&amp;amp;')
      // Every element opened is closed: no value broke out of its attribute or its element.
      for (const tag of ['li', 'article', 'p', 'span', 'a']) expect(out.match(new RegExp(`<${tag}[ >]`, 'g'))?.length, `${type} <${tag}>`).toBe(out.match(new RegExp(`</${tag}>`, 'g'))?.length)
    }
  })

  it('keeps its structure: heading level, date badge, thumbnail, chips and facts', () => {
    const activity = render({
      t,
      lang: 'nl',
      card: card({ title: 'Soep', summary: '', locationText: 'Plein', occursAt: new Date('2026-06-01T17:00:00Z'), thumb: { fileKey: 'f1', widths: [320, 640], width: 800, height: 600, alt: '' } }),
      href: '/w/agenda/soep',
      level: 3,
    })
    expect(activity).toMatch(/^<li><article class="card item-card card-activity has-badge has-thumb"><h3 class="card-title"><a href="\/w\/agenda\/soep">Soep<\/a><\/h3><time class="date-badge" datetime="2026-06-01">/)
    expect(activity).toContain('<img class="card-thumb" src="/media/f1-320.webp" width="320" height="240" alt="" loading="lazy" decoding="async"/>')
    expect(activity).toContain('<p class="card-meta"><span class="meta-item">')
    expect(activity).not.toContain('card-summary')
    const offer = render({ t, lang: 'nl', card: card({ type: 'offer', title: 'Ladder', category: 'klussen', verified: true }), href: '/w/prikbord/ladder' })
    expect(offer).toContain('<h2 class="card-title">')
    expect(offer).toMatch(/<ul class="chips"><li><span class="chip chip-verified">.*<\/span><\/li><li><span class="chip chip-offer">.*<\/span><\/li><li><span class="chip chip-category">/)
    expect(offer).not.toContain('has-badge')
  })
})
