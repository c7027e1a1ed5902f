/**
 * Top-level path words. PLATFORM_SEGMENTS are routed by the platform itself: on a wijk's own
 * host name they keep pointing at the platform. RESERVED_SLUGS can never be a wijk or city slug:
 * the platform's words, the wijk module words, and a few kept for later use.
 */
export const PLATFORM_SEGMENTS = new Set([
  'account', 'mijn-gegevens', 'mijn-content', 'privacy', 'voorwaarden', 'beheer', 'api', 'health',
  'static', 'media', 'dev', 'taal', 'hulp', 'contact', 'klacht', 'zoek-wijk', 'sitemap.xml',
  'robots.txt', 'favicon.ico', 'afmelden', 'uitnodiging', 'verwerkingen', 'widget', 'feeds',
  'nieuwsbrief', '.well-known', 'rol-uitnodiging', 'deelovereenkomst', 'partners', 'embed', 'oembed',
  'pakketten', 'ambassadeur-worden', 'pakketovereenkomst', 'ambassadeursovereenkomst', 'mijn-pakket',
])

export const RESERVED_SLUGS = new Set([
  ...PLATFORM_SEGMENTS,
  'accounts', 'admin', 'uploads', 'klachten', 'zoeken', 'login', 'logout', 'register',
  'datalekken', 'statistieken', 'export', 'www', 'mail', 'help', 'assets', 'over', 'wijk', 'wijken',
  'stad', 'gemeente', 'agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage', 'thema.css',
])

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug.toLowerCase())
}

/** Lower-case ASCII words joined by hyphens: "Koffie & Praat in de Wijk!" → "koffie-praat-in-de-wijk". */
export function slugify(title: string, fallback = 'item'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || fallback
}
