/**
 * What every mail to a person shares, so the platform speaks with one voice: the greeting by
 * first name (or a plain one when we have no name), the operator's signature, and the lines
 * under the mail that say why it came, which are each feature's own.
 *
 * @example
 * const { t, site, base } = mailFrame(config.operator.name, to, (t, site) => [t('accounts.mail.footer', { site })])
 * return composeMail({ ...base, template: 'accounts.verify', subject: t('…'), paragraphs: […] })
 */
import { translator, type Lang, type T } from '../i18n/i18n.js'
import type { MailParts } from './compose.js'

export interface MailFrame {
  t: T
  /** The platform's name in the recipient's language. */
  site: string
  base: Pick<MailParts, 'lang' | 'greeting' | 'signature' | 'footer'>
}

export function mailFrame(operator: string, to: { lang: Lang; firstName?: string | null }, footer?: (t: T, site: string) => string[]): MailFrame {
  const t = translator(to.lang)
  const site = t('site.name')
  return {
    t,
    site,
    base: {
      lang: to.lang,
      greeting: to.firstName ? t('mail.greeting', { name: to.firstName }) : t('mail.greetingAnonymous'),
      signature: t('mail.signature', { operator }),
      footer: footer?.(t, site),
    },
  }
}

/** Text a person wrote, as the paragraphs they separated with blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}
