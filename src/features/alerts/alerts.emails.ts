/**
 * The digest mail: everything followed that is new, in the recipient's language, with the
 * one-click unsubscribe link in the text and in the List-Unsubscribe headers (RFC 8058).
 */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'
import { itemPath, moduleName, moduleOf } from '../content/content.urls.js'
import type { Frequency, NewItem } from './alerts.queries.js'

export interface DigestInput {
  lang: Lang
  firstName: string
  frequency: Exclude<Frequency, 'never'>
  items: NewItem[]
  /** True when there were more items than fit in one mail. */
  more: boolean
  unsubscribeUrl: string
}

const SUBJECT = {
  immediate: 'alerts.mail.subject.immediate',
  daily: 'alerts.mail.subject.daily',
  weekly: 'alerts.mail.subject.weekly',
} as const

export function digestMail(config: Config, m: DigestInput): RenderedMail & { headers: Record<string, string> } {
  const { t, base } = mailFrame(config.operator.name, m, (t, site) => [t('alerts.mail.why', { site }), t('alerts.mail.unsubscribe'), m.unsubscribeUrl])
  const lines = m.items.map((item) => {
    const where = t('alerts.mail.where', { module: moduleName(moduleOf(item.type), m.lang), wijk: item.wijkName })
    const summary = item.summary ? `\n${item.summary}` : ''
    return `${item.title} (${where})${summary}\n${config.publicBaseUrl}${itemPath(item.wijkSlug, item)}`
  })
  const mail = composeMail({
    ...base,
    template: 'alerts.digest',
    subject: t(SUBJECT[m.frequency], { count: m.items.length, site: t('site.name') }),
    paragraphs: [t('alerts.mail.intro', { count: m.items.length }), ...lines, ...(m.more ? [t('alerts.mail.more')] : [])],
    action: { label: t('alerts.mail.settings'), url: `${config.publicBaseUrl}/mijn-gegevens/meldingen` },
  })
  return {
    ...mail,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
