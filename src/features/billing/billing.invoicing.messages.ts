/** The words of issuing invoices: the line on the invoice, the mail that brings it and the reminders. */
import { defineMessages } from '../../kernel/i18n/define.js'

export const billingInvoicingMessages = defineMessages({
  'billing.invoice.lineText': { nl: '{name}, {from} t/m {to}', en: '{name}, {from} to {to}' },
  'billing.invoiceMail.subject': { nl: 'Factuur {number} van {operator}', en: 'Invoice {number} from {operator}' },
  'billing.invoiceMail.creditSubject': { nl: 'Creditnota {number} van {operator}', en: 'Credit note {number} from {operator}' },
  'billing.invoiceMail.attached': {
    nl: 'In de bijlage vind je {number} als PDF, en als e-factuur (UBL) die je boekhoudprogramma kan inlezen.',
    en: 'Attached is {number} as a PDF, and as an e-invoice (UBL) that your accounting software can read.',
  },
  'billing.invoiceMail.transfer': {
    nl: 'Wil je {amount} uiterlijk {date} overmaken naar {iban}, onder vermelding van {number}?',
    en: 'Please transfer {amount} by {date} to {iban}, quoting {number}.',
  },
  'billing.invoiceMail.collected': {
    nl: 'Je hoeft niets te doen: we schrijven {amount} op of rond {date} af van rekening {iban}, met machtiging {reference}.',
    en: 'You need not do anything: we will collect {amount} on or around {date} from account {iban}, under mandate {reference}.',
  },
  'billing.invoiceMail.credit': { nl: 'Deze creditnota corrigeert factuur {corrects}.', en: 'This credit note corrects invoice {corrects}.' },
  'billing.invoiceMail.toPackage': { nl: 'Naar Mijn pakket', en: 'To My package' },
  'billing.reminderMail.subject': { nl: 'Herinnering: factuur {number} van {operator}', en: 'Reminder: invoice {number} from {operator}' },
  'billing.reminderMail.secondSubject': { nl: 'Tweede herinnering: factuur {number} van {operator}', en: 'Second reminder: invoice {number} from {operator}' },
  'billing.reminderMail.open': {
    nl: 'Volgens onze administratie staat factuur {number} van {amount} nog open; de betaaltermijn liep af op {date}. De factuur zit nog een keer in de bijlage.',
    en: 'According to our records invoice {number} of {amount} is still unpaid; it was due on {date}. The invoice is attached once more.',
  },
  'billing.reminderMail.pay': { nl: 'Wil je {amount} overmaken naar {iban}, onder vermelding van {number}?', en: 'Please transfer {amount} to {iban}, quoting {number}.' },
  'billing.reminderMail.crossed': {
    nl: 'Heb je al betaald? Dan zijn deze mail en je betaling elkaar gekruist en hoef je niets te doen. Klopt er iets niet, antwoord dan op deze mail.',
    en: 'Already paid? Then this mail and your payment crossed and you need do nothing. If something is wrong, reply to this mail.',
  },
})
