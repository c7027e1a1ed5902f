/**
 * The widget configurator's pages (beheer) and the iframe page a partner's site frames. Pure
 * JSX, props in; hono/jsx escapes every value, also inside the snippets shown as code.
 */
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, Select, type FormState, type SelectGroup, type SelectOption } from '../../kernel/ui/components.js'
import { MODULES, moduleName } from '../content/content.urls.js'
import { CATEGORIES, categoryLabel } from '../content/content.categories.js'
import { formatMoney, formatWhen } from '../wijk-site/wijk-site.format.js'
import type { SharedItem } from './partners.api.queries.js'
import { itemUrl, moreUrl, nextTime, widgetPaths } from './partners.widgets.present.js'
import type { Widget, WidgetChoices, WidgetContent, WidgetPartner } from './partners.widgets.queries.js'
import { placeValue } from './partners.widgets.schema.js'
import { MAX_WIDGET_ITEMS, type WidgetModule } from './partners.widgets.tables.js'

export function moduleLabel(t: T, lang: Lang, module: WidgetModule): string {
  return module === 'item' ? t('partners.widgets.module.item') : moduleName(module, lang)
}

/** The widget's heading: module and place, in the widget's own language. */
export function widgetHeading(t: T, lang: Lang, widget: Pick<Widget, 'module'>, content: Pick<WidgetContent, 'place'>): string {
  const module = widget.module === 'item' ? t('partners.widgets.embed.item') : moduleName(widget.module, lang)
  return [module, content.place?.name].filter(Boolean).join(' · ')
}

/** The markup a partner pastes: the web component, and the iframe that needs no script. */
export function snippets(
  baseUrl: string,
  widget: Pick<Widget, 'id' | 'module' | 'lang'>,
  frameTitle: string,
  size: { width: string; height: string } = { width: '100%', height: '400' },
): { component: string; frame: string; oembed: string } {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  const tag = `wijk-${widget.module}`
  return {
    component: `<script src="${baseUrl}${widgetPaths.script}" async></script>\n<${tag} widget="${widget.id}" lang="${widget.lang}"></${tag}>`,
    frame: `<iframe src="${baseUrl}${widgetPaths.frame(widget.id)}" title="${attr(frameTitle)}" width="${size.width}" height="${size.height}" style="border:0" loading="lazy"></iframe>`,
    oembed: `${baseUrl}${widgetPaths.frame(widget.id)}`,
  }
}

function Header(p: { t: T; partner: WidgetPartner; inForce: boolean }) {
  const { t, partner } = p
  return (
    <>
      {!p.inForce && <Notice kind="error">{t('partners.widgets.notInForce')}</Notice>}
      {partner.origins.length > 0 ? <p>{t('partners.widgets.origins', { origins: partner.origins.join(', ') })}</p> : <Notice kind="error">{t('partners.widgets.noOrigins')}</Notice>}
    </>
  )
}

export function WidgetListPage(p: { t: T; lang: Lang; partner: WidgetPartner; inForce: boolean; widgets: Widget[]; placeNames: Map<string, string> }) {
  const { t, lang, partner } = p
  const base = `/beheer/partners/${partner.id}/widgets`
  return (
    <>
      <h1>{t('partners.widgets.title', { name: partner.name })}</h1>
      <p>{t('partners.widgets.intro')}</p>
      <Header t={t} partner={partner} inForce={p.inForce} />
      <p>
        <a class="button secondary" href={`${base}/nieuw`}>
          {t('partners.widgets.add')}
        </a>
      </p>
      {p.widgets.length === 0 ? (
        <p>{t('partners.widgets.none')}</p>
      ) : (
        <DataTable
          caption={t('partners.widgets.title', { name: partner.name })}
          head={[t('partners.widgets.col.label'), t('partners.widgets.col.module'), t('partners.widgets.col.place'), { label: t('partners.widgets.col.count'), class: 'num' }, t('partners.widgets.col.lang')]}
        >
          {p.widgets.map((w) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${w.id}`}>{w.label}</a>
              </th>
              <td>{moduleLabel(t, lang, w.module)}</td>
              <td>{w.module === 'item' ? t('partners.widgets.itemPlace', { id: w.itemId ?? 0 }) : (p.placeNames.get(placeValue(w)) ?? '–')}</td>
              <td class="num">{w.itemCount}</td>
              <td>{t(w.lang === 'en' ? 'partners.widgets.lang.en' : 'partners.widgets.lang.nl')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

/** "wijk:12" → "Oosterpark (Amsterdam)", "stad:3" → "Amsterdam". */
export function placeOptions(t: T, choices: WidgetChoices): { options: Array<SelectOption | SelectGroup>; names: Map<string, string> } {
  const names = new Map<string, string>()
  const cityOptions = choices.cities.map((c) => ({ value: `stad:${c.id}`, label: c.name }))
  const wijkOptions = choices.wijken.map((w) => ({ value: `wijk:${w.id}`, label: `${w.name} (${w.cityName})` }))
  for (const o of [...cityOptions, ...wijkOptions]) names.set(o.value, o.label)
  const options: Array<SelectOption | SelectGroup> = [{ value: '', label: '–' }]
  if (cityOptions.length > 0) options.push({ group: t('partners.widgets.field.place'), options: cityOptions })
  if (wijkOptions.length > 0) options.push({ group: 'Wijken', options: wijkOptions })
  return { options, names }
}

export interface WidgetFormProps {
  t: T
  lang: Lang
  csrfToken: string
  partner: WidgetPartner
  inForce: boolean
  choices: WidgetChoices
  widget?: Widget
  state?: FormState
  baseUrl: string
  frameTitle?: string
}

export function WidgetFormPage(p: WidgetFormProps) {
  const { t, lang, partner, widget: w, state } = p
  const base = `/beheer/partners/${partner.id}/widgets`
  const moduleOptions = [...MODULES, 'item' as const].map((m) => ({ value: m, label: moduleLabel(t, lang, m) }))
  const categoryOptions = [{ value: '', label: t('partners.widgets.field.categoryAll') }, ...CATEGORIES.map((code) => ({ value: code, label: categoryLabel(t, code) }))]
  const themeOptions = [{ value: '', label: t('partners.widgets.field.themeAll') }, ...p.choices.themes.map((th) => ({ value: th.slug, label: lang === 'en' ? th.nameEn : th.nameNl }))]
  const code = w && p.frameTitle ? snippets(p.baseUrl, w, p.frameTitle) : null
  return (
    <>
      <p>
        <a href={base}>{t('partners.widgets.back')}</a>
      </p>
      <h1>{w ? t('partners.widgets.editTitle', { label: w.label }) : t('partners.widgets.newTitle', { name: partner.name })}</h1>
      <Header t={t} partner={partner} inForce={p.inForce} />
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action={w ? `${base}/${w.id}` : `${base}/nieuw`} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="label" label={t('partners.widgets.field.label')} hint={t('partners.widgets.field.labelHint')} state={state} value={w?.label} required maxlength={100} />
        <Select t={t} name="module" label={t('partners.widgets.field.module')} options={moduleOptions} state={state} value={w?.module ?? 'agenda'} required />
        <Select t={t} name="place" label={t('partners.widgets.field.place')} hint={t('partners.widgets.field.placeHint')} options={placeOptions(t, p.choices).options} state={state} value={w ? placeValue(w) : ''} />
        <Field t={t} name="itemId" label={t('partners.widgets.field.itemId')} hint={t('partners.widgets.field.itemIdHint')} state={state} value={w?.itemId ? String(w.itemId) : ''} inputmode="numeric" maxlength={10} />
        <Select t={t} name="themeSlug" label={t('partners.widgets.field.theme')} options={themeOptions} state={state} value={w?.themeSlug ?? ''} />
        <Select t={t} name="category" label={t('partners.widgets.field.category')} options={categoryOptions} state={state} value={w?.category ?? ''} />
        <Field t={t} name="itemCount" type="number" label={t('partners.widgets.field.itemCount')} state={state} value={String(w?.itemCount ?? 5)} required inputmode="numeric" maxlength={String(MAX_WIDGET_ITEMS).length} />
        <Select
          t={t}
          name="lang"
          label={t('partners.widgets.field.lang')}
          options={[
            { value: 'nl', label: t('partners.widgets.lang.nl') },
            { value: 'en', label: t('partners.widgets.lang.en') },
          ]}
          state={state}
          value={w?.lang ?? 'nl'}
          required
        />
        <ul class="actions">
          <li>
            <button type="submit">{t('form.save')}</button>
          </li>
          {w && (
            <li>
              <a href={`${base}/${w.id}/verwijderen`}>{t('partners.widgets.delete')}</a>
            </li>
          )}
        </ul>
      </form>
      {w && code && (
        <>
          <section aria-labelledby="voorbeeld-kop">
            <h2 id="voorbeeld-kop">{t('partners.widgets.preview')}</h2>
            <p class="hint">{t('partners.widgets.previewHint')}</p>
            <iframe class="widget-preview" src={widgetPaths.frame(w.id)} title={p.frameTitle} width="100%" height="400" loading="lazy"></iframe>
          </section>
          <section aria-labelledby="code-kop">
            <h2 id="code-kop">{t('partners.widgets.snippets')}</h2>
            <p>{t('partners.widgets.snippetComponent')}</p>
            <pre class="snippet">
              <code id="snippet-component">{code.component}</code>
            </pre>
            <p>{t('partners.widgets.snippetFrame')}</p>
            <pre class="snippet">
              <code id="snippet-iframe">{code.frame}</code>
            </pre>
            <p>{t('partners.widgets.snippetOembed')}</p>
            <pre class="snippet">
              <code id="snippet-oembed">{code.oembed}</code>
            </pre>
          </section>
        </>
      )}
    </>
  )
}

export function WidgetDeletePage(p: { t: T; csrfToken: string; partnerId: number; widget: Widget }) {
  const { t, widget: w } = p
  const base = `/beheer/partners/${p.partnerId}/widgets/${w.id}`
  return (
    <div class="narrow">
      <h1>{t('partners.widgets.deleteTitle', { label: w.label })}</h1>
      <p>{t('partners.widgets.deleteBody')}</p>
      <form method="post" action={`${base}/verwijderen`}>
        <CsrfField token={p.csrfToken} />
        <ul class="actions">
          <li>
            <button type="submit" class="danger">
              {t('partners.widgets.deleteConfirm')}
            </button>
          </li>
          <li>
            <a href={base}>{t('form.cancel')}</a>
          </li>
        </ul>
      </form>
    </div>
  )
}

function ItemEntry(p: { t: T; lang: Lang; baseUrl: string; item: SharedItem; content: WidgetContent }) {
  const { t, lang, item } = p
  const when = nextTime(item, p.content.occurrences)
  const cents = item.costCents ?? item.priceCents
  const meta = [item.locationText, cents === null ? null : cents === 0 ? t('partners.widgets.embed.free') : formatMoney(cents, lang), item.wijkName].filter((v): v is string => Boolean(v))
  return (
    <li class="wc-item">
      {/* _top: our item pages may not be framed, so they open in the partner's window. */}
      <a class="wc-link" href={itemUrl(p.baseUrl, item)} target="_top">
        {item.title}
      </a>
      <span class="wc-meta">
        {when.startsAt && <time datetime={when.startsAt.toISOString()}>{formatWhen(when.startsAt, when.endsAt, item.allDay, lang)}</time>}
        {meta.map((m) => (
          <span>{m}</span>
        ))}
      </span>
      {item.summary && <p class="wc-summary">{item.summary}</p>}
    </li>
  )
}

/**
 * The iframe page: a whole document of its own, no site layout. Its one small script only tells
 * the partner's page its height; everything shows without it.
 */
export function WidgetFramePage(p: { t: T; lang: Lang; baseUrl: string; widget: Widget; content: WidgetContent; title: string; styleHref: string; scriptHref: string; hostOrigins: readonly string[]; oembedHref: string }) {
  const { t, lang, widget, content } = p
  const heading = widgetHeading(t, lang, widget, content)
  const more = moreUrl(p.baseUrl, widget, content.place)
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={lang} data-widget-id={widget.id} data-host-origins={p.hostOrigins.join(' ')}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{p.title}</title>
          <link rel="stylesheet" href={p.styleHref} />
          <link rel="alternate" type="application/json+oembed" href={p.oembedHref} title={p.title} />
          <script src={p.scriptHref} defer></script>
        </head>
        <body class="wc-page">
          <main class="wc" aria-label={heading}>
            <h1 class="wc-title">{heading}</h1>
            {content.items.length === 0 ? (
              <p class="wc-empty">{t('partners.widgets.embed.empty')}</p>
            ) : (
              <ul class="wc-list">
                {content.items.map((item) => (
                  <ItemEntry t={t} lang={lang} baseUrl={p.baseUrl} item={item} content={content} />
                ))}
              </ul>
            )}
            {more && (
              <p class="wc-more">
                <a href={more} target="_top">
                  {t('partners.widgets.embed.more')}
                </a>
              </p>
            )}
          </main>
        </body>
      </html>
    </>
  )
}
