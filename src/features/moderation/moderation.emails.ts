/**
 * Mails of moderation, in the recipient's language: to an item's owner when the wijk team
 * changed, hid or published it again (who, what, why), and to the wijk team when reports queue
 * up. They carry the item's title and the team member's first name, never a reporter.
 */
import type { Config } from '../../config/env.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

interface Owner {
  firstName: string
  lang: Lang
}
interface ItemRef {
  id: number
  title: string
  wijkName: string
}

/** Column names (as returned by updateItemIn) → the label of that field on the content form. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'my-content.field.title',
  summary: 'my-content.field.summary',
  body: 'my-content.field.body',
  themes: 'my-content.field.themes',
  contactName: 'my-content.field.contactName',
  contactNamePublic: 'my-content.field.contactName',
  contactEmail: 'my-content.field.contactEmail',
  contactEmailPublic: 'my-content.field.contactEmail',
  contactPhone: 'my-content.field.contactPhone',
  contactPhonePublic: 'my-content.field.contactPhone',
  contactAddress: 'my-content.field.contactAddress',
  contactAddressPublic: 'my-content.field.contactAddress',
  startsAt: 'my-content.field.startDate',
  endsAt: 'my-content.field.endDate',
  allDay: 'my-content.field.allDay',
  recurrence: 'my-content.field.recurrence',
  locationText: 'my-content.field.locationText',
  locationOrgId: 'my-content.field.locationOrg',
  costCents: 'my-content.field.cost',
  joinInfo: 'my-content.field.joinInfo',
  offers: 'my-content.field.offers',
  openingHours: 'my-content.field.openingHours',
  website: 'my-content.field.website',
  category: 'my-content.field.category',
  expiresAt: 'my-content.field.expiresOn',
  publishedAt: 'my-content.field.publicationDate',
  priceCents: 'my-content.field.price',
  businessId: 'my-content.field.business',
}

/** "Titel, Beschrijving": the changed fields in words, each once. */
export function fieldNames(t: T, fields: string[]): string {
  return [...new Set(fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)))].join(', ')
}

/** Greeting, signature and why this mail came (the footer). */
function frame(config: Pick<Config, 'operator'>, to: Owner) {
  return mailFrame(config.operator.name, to, (t, site) => [t('moderation.mail.footer', { site })])
}

export function editedMail(config: Config, to: Owner, item: ItemRef, p: { actorName: string; fields: string[] }): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'moderation.edited',
    subject: t('moderation.mail.edited.subject', { title: item.title }),
    paragraphs: [
      t('moderation.mail.edited.body', { name: p.actorName, wijk: item.wijkName, title: item.title }),
      t('moderation.mail.edited.fields', { fields: fieldNames(t, p.fields) }),
      t('moderation.mail.edited.check'),
    ],
    action: { label: t('moderation.mail.toItem'), url: `${config.publicBaseUrl}/mijn-content/${item.id}/voorbeeld` },
  })
}

export function hiddenMail(config: Config, to: Owner, item: ItemRef, p: { actorName: string; reason: string }): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'moderation.hidden',
    subject: t('moderation.mail.hidden.subject', { title: item.title }),
    paragraphs: [
      t('moderation.mail.hidden.body', { name: p.actorName, wijk: item.wijkName, title: item.title }),
      t('moderation.mail.hidden.reason', { reason: p.reason }),
      t('moderation.mail.hidden.how'),
    ],
    action: { label: t('moderation.mail.toMyContent'), url: `${config.publicBaseUrl}/mijn-content` },
  })
}

export function hiddenByReportsMail(config: Config, to: Owner, item: ItemRef): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'moderation.hidden-reports',
    subject: t('moderation.mail.hidden.subject', { title: item.title }),
    paragraphs: [t('moderation.mail.reportsHidden.body', { wijk: item.wijkName, title: item.title }), t('moderation.mail.reportsHidden.next')],
    action: { label: t('moderation.mail.toMyContent'), url: `${config.publicBaseUrl}/mijn-content` },
  })
}

export function republishedMail(config: Config, to: Owner, item: ItemRef, p: { actorName: string }): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'moderation.republished',
    subject: t('moderation.mail.republished.subject', { title: item.title }),
    paragraphs: [t('moderation.mail.republished.body', { name: p.actorName, wijk: item.wijkName, title: item.title })],
    action: { label: t('moderation.mail.toMyContent'), url: `${config.publicBaseUrl}/mijn-content` },
  })
}

/** To each member of the wijk team, at most once a day per wijk. */
export function reportQueueMail(config: Config, to: Owner, p: { wijkId: number; wijkName: string; open: number }): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'moderation.queue',
    subject: t('moderation.mail.queue.subject', { wijk: p.wijkName }),
    paragraphs: [t('moderation.mail.queue.body', { wijk: p.wijkName, count: p.open }), t('moderation.mail.queue.once')],
    action: { label: t('moderation.mail.queue.action'), url: `${config.publicBaseUrl}/beheer/wijken/${p.wijkId}/meldingen` },
  })
}
