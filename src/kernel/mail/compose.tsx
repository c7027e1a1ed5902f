/**
 * Builds a mail in both forms (plain text and HTML) from the same parts, so they never drift.
 * Features write one small module per mail that calls composeMail with translated strings.
 *
 * @example
 * composeMail({ template: 'account.verify', lang, subject: t('mail.verify.subject'),
 *   greeting: t('mail.greeting', { name }), paragraphs: [t('mail.verify.body')],
 *   action: { label: t('mail.verify.button'), url } })
 */
import { raw } from 'hono/html'
import type { Lang } from '../i18n/i18n.js'
import type { RenderedMail } from './outbox.js'

export interface MailParts {
  template: string
  lang: Lang
  subject: string
  greeting?: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Closing lines, e.g. why the recipient gets this mail. */
  footer?: string[]
  signature: string
}

export function composeMail(p: MailParts): RenderedMail {
  const text = [
    p.greeting,
    ...p.paragraphs,
    p.action ? `${p.action.label}:\n${p.action.url}` : undefined,
    p.signature,
    ...(p.footer?.length ? ['--', ...p.footer] : []),
  ]
    .filter((x): x is string => Boolean(x))
    .join('\n\n')

  const html = (
    <>
      {raw('<!doctype html>')}
      <html lang={p.lang}>
        <head>
          <meta charset="utf-8" />
          <title>{p.subject}</title>
        </head>
        <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f23; max-width: 36rem; margin: 0 auto; padding: 1rem;">
          {p.greeting && <p>{p.greeting}</p>}
          {p.paragraphs.map((para) => (
            <p>{para}</p>
          ))}
          {p.action && (
            <p>
              <a href={p.action.url} style="display: inline-block; background: #1d6b4f; color: #ffffff; padding: 0.6rem 1.2rem; border-radius: 6px; text-decoration: none; font-weight: 600;">
                {p.action.label}
              </a>
            </p>
          )}
          {p.action && (
            <p style="font-size: 0.9rem; color: #4a5560; word-break: break-all;">{p.action.url}</p>
          )}
          <p>{p.signature}</p>
          {p.footer?.length ? (
            <p style="font-size: 0.85rem; color: #4a5560; border-top: 1px solid #c9d1d9; padding-top: 0.75rem;">
              {p.footer.map((line) => (
                <>
                  {line}
                  <br />
                </>
              ))}
            </p>
          ) : null}
        </body>
      </html>
    </>
  ).toString() as string

  return { template: p.template, subject: p.subject, text, html }
}
