/**
 * Subscribing to the Agenda: the small "Abonneren" block on the Agenda page (webcal:// links, which
 * calendar apps open as a subscription) and the help page /<wijk>/agenda/abonneren with the feed's
 * address to paste and short steps for Google, Outlook and Apple.
 */
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.js'
import type { T } from '../../kernel/i18n/i18n.js'
import { readQuery } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { render } from '../../kernel/ui/render.js'
import { wijkBrand } from '../places/wijk-href.js'
import type { ThemeRef } from './wijk-site.queries.js'
import { siteLinks, themeOfWijk, withQuery, type SiteLinks } from './wijk-site.site.js'
import { themeName } from './wijk-site.views.js'
import { wijkFromUrl } from './wijk-site.item.js'

export const subscribeQuerySchema = z.object({
  /** Also show the address of this theme's feed. */
  thema: z.string().max(60).regex(SLUG_PATTERN).optional(),
})

/** The same address for a calendar app: webcal:// makes it offer a subscription, not a download. */
export function webcal(url: string): string {
  return url.replace(/^https?:/, 'webcal:')
}

function feedPath(theme: ThemeRef | undefined): string {
  return theme ? `/agenda/${theme.slug}.ics` : '/agenda.ics'
}

/** The block on the Agenda page: subscribe to everything, to the chosen theme, and the help. */
export function SubscribeBlock(p: { t: T; links: SiteLinks; theme?: ThemeRef; themeLabel?: string }) {
  return (
    <section class="subscribe" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{p.t('wijk-site.subscribe.title')}</h2>
      <p>{p.t('wijk-site.subscribe.intro')}</p>
      <ul class="subscribe-links">
        <li>
          <a href={webcal(p.links.abs(feedPath(undefined)))}>{p.t('wijk-site.subscribe.all')}</a>
        </li>
        {p.theme && (
          <li>
            <a href={webcal(p.links.abs(feedPath(p.theme)))}>{p.t('wijk-site.subscribe.theme', { theme: p.themeLabel ?? p.theme.slug })}</a>
          </li>
        )}
        <li>
          <a href={withQuery(p.links.href('/agenda/abonneren'), { thema: p.theme?.slug })}>{p.t('wijk-site.subscribe.help')}</a>
        </li>
      </ul>
    </section>
  )
}

function FeedAddress(p: { t: T; id: string; label: string; url: string }) {
  return (
    <div class="field feed-address">
      <label for={p.id}>{p.label}</label>
      <span class="hint" id={`${p.id}-hint`}>
        {p.t('wijk-site.subscribe.address.hint')}
      </span>
      <input id={p.id} type="text" readonly value={p.url} aria-describedby={`${p.id}-hint`} />
      <a class="button" href={webcal(p.url)}>
        {p.t('wijk-site.subscribe.open')}
      </a>
    </div>
  )
}

/** One calendar app's steps; the message keeps them in one text, a "|" between steps. */
function Steps(p: { t: T; title: MessageKey; steps: MessageKey }) {
  return (
    <section>
      <h2>{p.t(p.title)}</h2>
      <ol>
        {p.t(p.steps)
          .split('|')
          .map((step) => (
            <li>{step}</li>
          ))}
      </ol>
    </section>
  )
}

export async function subscribePage(c: AppContext) {
  const t = c.get('t')
  const lang = c.get('lang')
  const wijk = await wijkFromUrl(c)
  const { thema } = readQuery(c, subscribeQuerySchema)
  const theme = thema ? await themeOfWijk(c, wijk.id, thema) : undefined
  if (theme === null) throw notFound()
  const links = siteLinks(c, wijk)
  const heading = t('wijk-site.subscribe.page.title', { wijk: wijk.name })
  return render(
    c,
    <>
      <h1>{heading}</h1>
      <p class="lead">{t('wijk-site.subscribe.page.intro')}</p>
      <FeedAddress t={t} id="feed-address" label={t('wijk-site.subscribe.address')} url={links.abs(feedPath(undefined))} />
      {theme && <FeedAddress t={t} id="theme-feed-address" label={t('wijk-site.subscribe.themeAddress', { theme: themeName(theme, lang) })} url={links.abs(feedPath(theme))} />}
      <Steps t={t} title="wijk-site.subscribe.google" steps="wijk-site.subscribe.google.steps" />
      <Steps t={t} title="wijk-site.subscribe.outlook" steps="wijk-site.subscribe.outlook.steps" />
      <Steps t={t} title="wijk-site.subscribe.apple" steps="wijk-site.subscribe.apple.steps" />
      <h2>{t('wijk-site.subscribe.once.title')}</h2>
      <p>{t('wijk-site.subscribe.once')}</p>
      <p>
        <a href={withQuery(links.module('agenda'), { thema: theme?.slug })}>{t('wijk-site.subscribe.back')}</a>
      </p>
    </>,
    { title: heading, canonical: links.abs('/agenda/abonneren'), brand: wijkBrand(c, wijk, { current: 'agenda', inside: true }) },
  )
}
