/**
 * The partner widgets as web components: <wijk-agenda widget="…">, <wijk-organisaties>,
 * <wijk-prikbord>, <wijk-nieuws>, <wijk-etalage> and <wijk-item>. Each fetches its widget's
 * items from the origin this script came from and renders them in an open shadow root.
 *
 * Rules it keeps (P11, P15): it talks to our origin only, sends no credentials, sets no cookie
 * and uses no storage; data becomes text through textContent and attributes only, never markup.
 * Bundled and minified by the platform (partners.widgets.bundle.ts); budget 8 KB gzipped.
 */
import css from './widget.css'
import type { WidgetItemJson as Item, WidgetJson as Data } from './widget.types.js'

type Lang = 'nl' | 'en'

const TEXT = {
  nl: {
    agenda: 'Agenda',
    organisaties: 'Organisaties',
    prikbord: 'Prikbord',
    nieuws: 'Nieuws',
    etalage: 'Etalage',
    item: 'Uit de wijk',
    more: 'Meer op de wijksite',
    empty: 'Er is nu niets om te tonen.',
    fallback: 'Bekijk dit op de wijksite',
    free: 'Gratis',
    loading: 'Laden…',
  },
  en: {
    agenda: 'Events',
    organisaties: 'Organisations',
    prikbord: 'Notice board',
    nieuws: 'News',
    etalage: 'Local businesses',
    item: 'From the neighbourhood',
    more: 'More on the neighbourhood site',
    empty: 'There is nothing to show right now.',
    fallback: 'View this on the neighbourhood site',
    free: 'Free',
    loading: 'Loading…',
  },
} as const

/** Our origin, from this very script's address: the data is asked of nobody else. */
const script = document.currentScript as HTMLScriptElement | null
const ORIGIN = script ? new URL(script.src).origin : ''

/**
 * Our iframe widgets on this page say how tall they are (frame-height.ts); size the one that
 * spoke, within sane bounds. Only messages from our origin and from one of this page's frames.
 */
addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown } | null
  if (event.origin !== ORIGIN || data?.type !== 'wijkconnect:height' || typeof data.height !== 'number') return
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(Math.round(data.height), 50), 5000)}px`
  }
})
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function link(href: string, text: string, className?: string): HTMLAnchorElement {
  const a = el('a', className, text)
  // Only our own pages: a URL of another scheme or host in the data is not followed.
  if (new URL(href, ORIGIN).origin === ORIGIN) a.href = href
  return a
}

function when(item: Item, lang: Lang): HTMLTimeElement | null {
  if (!item.starts_at) return null
  const start = new Date(item.starts_at)
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' }
  if (!item.all_day) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const time = el('time', undefined, new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', options).format(start))
  time.dateTime = item.starts_at
  return time
}

function price(cents: number, lang: Lang): string {
  return cents === 0 ? TEXT[lang].free : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

class WijkWidget extends HTMLElement {
  #root = this.attachShadow({ mode: 'open' })

  connectedCallback(): void {
    const id = this.getAttribute('widget') ?? ''
    const box = this.#frame()
    box.append(el('p', 'wc-empty', TEXT[this.#lang(null)].loading))
    if (!UUID.test(id) || !ORIGIN) return this.#fallback(id)
    fetch(`${ORIGIN}/embed/v1/widgets/${id}`, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((res) => (res.ok ? (res.json() as Promise<Data>) : Promise.reject(new Error(String(res.status)))))
      .then((data) => this.#render(data))
      .catch(() => this.#fallback(id))
  }

  #lang(data: Data | null): Lang {
    const chosen = this.getAttribute('lang') ?? data?.widget.lang
    return chosen === 'en' ? 'en' : 'nl'
  }

  #frame(): HTMLElement {
    const style = el('style')
    style.textContent = css
    const box = el('section', 'wc')
    this.#root.replaceChildren(style, box)
    return box
  }

  #render(data: Data): void {
    const lang = this.#lang(data)
    const t = TEXT[lang]
    const box = this.#frame()
    box.lang = lang
    const module = data.widget.module as keyof typeof t
    const title = [t[module] ?? t.item, data.widget.place].filter(Boolean).join(' · ')
    box.setAttribute('aria-label', title)
    box.append(el('span', 'wc-title', title))
    if (data.items.length === 0) box.append(el('p', 'wc-empty', t.empty))
    else {
      const list = el('ul', 'wc-list')
      for (const item of data.items) {
        const li = el('li', 'wc-item')
        li.append(link(item.url, item.title, 'wc-link'))
        const meta = el('span', 'wc-meta')
        const time = when(item, lang)
        if (time) meta.append(time)
        for (const part of [item.location, item.price_cents === null ? null : price(item.price_cents, lang), item.wijk]) if (part) meta.append(el('span', undefined, part))
        li.append(meta)
        if (item.summary) li.append(el('p', 'wc-summary', item.summary))
        list.append(li)
      }
      box.append(list)
    }
    if (data.widget.more_url) {
      const more = el('p', 'wc-more')
      more.append(link(data.widget.more_url, t.more))
      box.append(more)
    }
  }

  /** No data (an unregistered site, an agreement not in force): a plain link to the widget's page. */
  #fallback(id: string): void {
    const box = this.#frame()
    const lang = this.#lang(null)
    box.lang = lang
    const p = el('p', 'wc-empty')
    if (UUID.test(id) && ORIGIN) p.append(link(`${ORIGIN}/embed/${id}`, TEXT[lang].fallback))
    box.append(p)
  }
}

for (const name of ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage', 'item']) {
  const tag = `wijk-${name}`
  if (!customElements.get(tag)) customElements.define(tag, class extends WijkWidget {})
}
