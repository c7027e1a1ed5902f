/** All messages, gathered from the kernel and each feature; installed by boot.ts (and the test setup). */
import { partnersApiDocsMessages, partnersApiMessages } from './features/partners/partners.api.messages.js'
import { partnersWidgetsMessages } from './features/partners/partners.widgets.messages.js'
import { commonMessages } from './kernel/i18n/common.messages.js'
import { accountsMessages } from './features/accounts/accounts.messages.js'
import { documentsMessages } from './features/documents/documents.messages.js'
import { partnersMessages } from './features/partners/partners.messages.js'
import { billingMessages } from './features/billing/billing.messages.js'
import { billingApplyMessages } from './features/billing/billing.apply.messages.js'
import { billingAmbassadeurMessages } from './features/billing/billing.ambassadeur.messages.js'
import { billingSubscriptionsMessages } from './features/billing/billing.subscriptions.messages.js'
import { billingSepaMessages } from './features/billing/billing.sepa.messages.js'
import { billingFinanceMessages } from './features/billing/billing.finance.messages.js'
import { billingDebitRunsMessages } from './features/billing/billing.debit-runs.messages.js'
import { billingInvoiceMessages } from './features/billing/billing.invoice.messages.js'
import { billingInvoicingMessages } from './features/billing/billing.invoicing.messages.js'
import { placesMessages } from './features/places/places.messages.js'
import { beheerMessages } from './features/beheer/beheer.messages.js'
import { myContentMessages } from './features/my-content/my-content.messages.js'
import { wijkSiteMessages } from './features/wijk-site/wijk-site.messages.js'
import { wijkSiteIcalMessages } from './features/wijk-site/wijk-site.ical.messages.js'
import { wijkSiteEmptyMessages } from './features/wijk-site/wijk-site.empty.messages.js'
import { searchMessages } from './features/search/search.messages.js'
import { contactFormMessages } from './features/contact-form/contact-form.messages.js'
import { myDataMessages } from './features/my-data/my-data.messages.js'
import { helpMessages } from './features/help/help.messages.js'
import { cancellationMessages } from './features/cancellation/cancellation.messages.js'
import { breachesMessages } from './features/breaches/breaches.messages.js'
import { complaintsMessages } from './features/complaints/complaints.messages.js'
import { registerMessages } from './features/register/register.messages.js'
import { statisticsMessages } from './features/statistics/statistics.messages.js'
import { newsletterMessages } from './features/newsletter/newsletter.messages.js'
import { alertsMessages } from './features/alerts/alerts.messages.js'
import { moderationMessages } from './features/moderation/moderation.messages.js'
import { wijkImportMessages } from './features/wijk-import/wijk-import.messages.js'
import { broadcastMessages } from './features/broadcast/broadcast.messages.js'
import { wijkbeheerMessages } from './features/wijkbeheer/wijkbeheer.messages.js'
import { twoFactorMessages } from './features/two-factor/two-factor.messages.js'

export const messages = {
  ...commonMessages,
  ...accountsMessages,
  ...documentsMessages,
  ...placesMessages,
  ...beheerMessages,
  ...myContentMessages,
  ...wijkSiteMessages,
  ...wijkSiteIcalMessages,
  ...wijkSiteEmptyMessages,
  ...searchMessages,
  ...contactFormMessages,
  ...myDataMessages,
  ...helpMessages,
  ...cancellationMessages,
  ...breachesMessages,
  ...complaintsMessages,
  ...registerMessages,
  ...partnersMessages,
  ...billingMessages,
  ...billingApplyMessages,
  ...billingAmbassadeurMessages,
  ...billingSubscriptionsMessages,
  ...billingSepaMessages,
  ...billingFinanceMessages,
  ...billingDebitRunsMessages,
  ...billingInvoiceMessages,
  ...billingInvoicingMessages,
  ...statisticsMessages,
  ...newsletterMessages,
  ...alertsMessages,
  ...moderationMessages,
  ...wijkImportMessages,
  ...broadcastMessages,
  ...wijkbeheerMessages,
  ...twoFactorMessages,
  ...partnersApiMessages,
  ...partnersApiDocsMessages,
  ...partnersWidgetsMessages,
}

type AllMessages = typeof messages

// Tells the kernel's translator which keys exist, so `t('key')` is checked at compile time.
declare module './kernel/i18n/catalog.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- takes its members from AllMessages
  interface MessageCatalog extends AllMessages {}
}
