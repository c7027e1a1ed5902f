/**
 * Mails about an application, in the applicant's language: approved (when it started, the first
 * period, how it is paid; for an ambassadeur, the wijk made for them and how to launch it) and
 * declined (with the admin's reason). A bank account only ever appears masked.
 */
import type { Config } from '../../config/env.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'
import type { ApplicationDetail } from './billing.applications.queries.js'
import { dayAsDate } from './billing.dates.js'

/** The wijk an approved ambassadeur application made, for the mail. */
export interface ApprovedWijk {
  id: number
  name: string
}

function frame(config: Pick<Config, 'operator'>, d: ApplicationDetail) {
  const lang: Lang = d.applicant.lang
  return mailFrame(config.operator.name, { lang, firstName: d.applicant.firstName }, (t, site) => [t('billing.mail.footer', { site })])
}

const nameOf = (d: ApplicationDetail) => (d.applicant.lang === 'nl' ? d.pkg.nameNl : d.pkg.nameEn)

type Period = { startedOn: string; periodEnd: string }

/** How the package is paid: the mandate masked, or by transfer. */
function paymentLine(t: ReturnType<typeof frame>['t'], d: ApplicationDetail): string {
  return d.mandate?.reference
    ? t('billing.mail.approved.directDebit', { iban: d.mandate.ibanMasked ?? '', reference: d.mandate.reference })
    : t('billing.mail.approved.transfer')
}

export function approvedMail(config: Config, d: ApplicationDetail, p: Period): RenderedMail {
  const { t, base } = frame(config, d)
  const lang = d.applicant.lang
  const name = nameOf(d)
  const payment = paymentLine(t, d)
  return composeMail({
    ...base,
    template: 'billing.approved',
    subject: t('billing.mail.approved.subject', { name }),
    paragraphs: [
      t('billing.mail.approved.body', { name, organisation: d.customer.organisationName, start: formatDate(dayAsDate(p.startedOn), lang) }),
      t('billing.mail.approved.period', { end: formatDate(dayAsDate(p.periodEnd), lang) }),
      payment,
    ],
    action: { label: t('billing.mail.toPackage'), url: `${config.publicBaseUrl}/mijn-pakket` },
  })
}

/** The ambassadeur's new wijk exists, unlaunched: where to prepare and launch it, and the fee. */
export function ambassadeurApprovedMail(config: Config, d: ApplicationDetail, p: Period, wijk: ApprovedWijk): RenderedMail {
  const { t, base } = frame(config, d)
  const lang = d.applicant.lang
  return composeMail({
    ...base,
    template: 'billing.ambassadeur.approved',
    subject: t('billing.mail.ambassadeur.approved.subject', { wijk: wijk.name }),
    paragraphs: [
      t('billing.mail.ambassadeur.approved.body', { wijk: wijk.name, organisation: d.customer.organisationName }),
      t('billing.mail.ambassadeur.approved.launch'),
      t('billing.mail.ambassadeur.approved.fee', { start: formatDate(dayAsDate(p.startedOn), lang) }),
      t('billing.mail.approved.period', { end: formatDate(dayAsDate(p.periodEnd), lang) }),
      paymentLine(t, d),
    ],
    action: { label: t('billing.mail.ambassadeur.toWijk'), url: `${config.publicBaseUrl}/beheer/wijken/${wijk.id}` },
  })
}

export function declinedMail(config: Config, d: ApplicationDetail, reason: string): RenderedMail {
  const { t, base } = frame(config, d)
  if (d.proposal) {
    const wijk = d.proposal.wijkName
    return composeMail({
      ...base,
      template: 'billing.ambassadeur.declined',
      subject: t('billing.mail.ambassadeur.declined.subject', { wijk }),
      paragraphs: [t('billing.mail.ambassadeur.declined.body', { wijk, organisation: d.customer.organisationName }), t('billing.mail.declined.reason'), ...paragraphsOf(reason), t('billing.mail.declined.next')],
      action: { label: t('billing.mail.ambassadeur.toApply'), url: `${config.publicBaseUrl}/ambassadeur-worden` },
    })
  }
  const name = nameOf(d)
  return composeMail({
    ...base,
    template: 'billing.declined',
    subject: t('billing.mail.declined.subject', { name }),
    paragraphs: [t('billing.mail.declined.body', { name, organisation: d.customer.organisationName }), t('billing.mail.declined.reason'), ...paragraphsOf(reason), t('billing.mail.declined.next')],
    action: { label: t('billing.mail.toPackages'), url: `${config.publicBaseUrl}/pakketten` },
  })
}
