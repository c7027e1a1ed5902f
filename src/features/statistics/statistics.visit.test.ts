/** What one page view may tell the statistics (P16): browser family, robot or not, referring site, day. */
import { describe, it, expect } from 'vitest'
import { AmsterdamDay, browserFamily, isBot, isCountedPath, isPrefetch, referrerSite } from './statistics.visit.js'
import { oldestKeptDay } from './statistics.retention.js'

const BROWSERS: Array<[string, string]> = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0', 'Firefox'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/129.0 Mobile/15E148 Safari/605.1.15', 'Firefox'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36', 'Chrome'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/129.0.6668.69 Mobile/15E148 Safari/604.1', 'Chrome'],
  ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36', 'Chrome'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15', 'Safari'],
  ['Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.2792.65', 'Edge'],
  ['Mozilla/5.0 (Linux; Android 10; HD1913) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.6668.70 Mobile Safari/537.36 EdgA/129.0.2792.59', 'Edge'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 OPR/114.0.0.0', 'Opera'],
  ['Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 'Samsung Internet'],
  ['Lynx/2.9.0dev.12 libwww-FM/2.14 SSL-MM/1.4.1 GNUTLS/3.7.9', 'other'],
]

describe('browser family', () => {
  for (const [ua, family] of BROWSERS) {
    it(`${family}: ${ua.slice(0, 70)}…`, () => expect(browserFamily(ua)).toBe(family))
  }
})

describe('robots and speculative loads are no visits', () => {
  it('knows robots, previews, scripts and an absent user agent', () => {
    for (const ua of [
      undefined,
      '',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
      'Mozilla/5.0 (compatible; YandexSpider/3.0)',
      'Mozilla/5.0 (compatible; AhrefsCrawler/7.0)',
      'facebookexternalhit/1.1',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/129.0.0.0 Safari/537.36',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'Slack-LinkExpanding preview 1.0',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Go-http-client/2.0',
    ]) {
      expect(isBot(ua), String(ua)).toBe(true)
    }
    for (const [ua] of BROWSERS) expect(isBot(ua), ua).toBe(false)
  })

  it('knows prefetch and prerender announcements', () => {
    expect(isPrefetch(new Headers({ 'sec-purpose': 'prefetch' }))).toBe(true)
    expect(isPrefetch(new Headers({ 'sec-purpose': 'prefetch;prerender' }))).toBe(true)
    expect(isPrefetch(new Headers({ purpose: 'prefetch' }))).toBe(true)
    expect(isPrefetch(new Headers({ 'x-moz': 'prefetch' }))).toBe(true)
    expect(isPrefetch(new Headers({ 'x-purpose': 'preview' }))).toBe(true)
    expect(isPrefetch(new Headers({ accept: 'text/html' }))).toBe(false)
  })

  it('counts public pages only', () => {
    for (const path of ['/', '/oosterpark/', '/oosterpark/agenda', '/privacy', '/zoek-wijk', '/lindeburg/']) expect(isCountedPath(path), path).toBe(true)
    for (const path of ['/beheer', '/beheer/statistieken', '/mijn-gegevens', '/mijn-content/3', '/account/inloggen', '/static/app.css', '/media/logos/x.webp', '/dev/mailbox', '/health', '/hulp']) {
      expect(isCountedPath(path), path).toBe(false)
    }
  })
})

describe('referring site', () => {
  const own = (host: string) => host === 'localhost' || host === 'www.eigenhof.test'
  it('keeps only the host name of another site', () => {
    expect(referrerSite('https://www.Buurtkrant.example/artikel/12?id=5#x', own)).toBe('www.buurtkrant.example')
    expect(referrerSite('http://zoeken.example:8080/?q=wijk', own)).toBe('zoeken.example')
  })
  it('drops our own sites, IP addresses, odd schemes and junk', () => {
    for (const referer of [undefined, '', 'http://localhost/oosterpark/', 'https://www.eigenhof.test/agenda', 'https://203.0.113.7/page', 'http://[2001:db8::1]/', 'android-app://com.example', 'file:///etc/passwd', 'niet een adres', `https://${'a'.repeat(120)}.example/`]) {
      expect(referrerSite(referer, own), String(referer)).toBe('')
    }
  })
})

describe('days', () => {
  it('counts by the Amsterdam calendar day, also across midnight and summer time', () => {
    const day = new AmsterdamDay()
    expect(day.of(new Date('2026-03-02T22:59:00Z'))).toBe('2026-03-02')
    expect(day.of(new Date('2026-03-02T23:00:00Z'))).toBe('2026-03-03')
    expect(day.of(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
    expect(day.of(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02')
  })
  it('keeps 25 months', () => {
    expect(oldestKeptDay('2026-03-02')).toBe('2024-02-02')
    expect(oldestKeptDay('2026-01-15')).toBe('2023-12-15')
    expect(oldestKeptDay('2026-04-30')).toBe('2024-03-30')
    expect(oldestKeptDay('2026-05-31')).toBe('2024-04-30')
  })
})
