/**
 * The words of SEPA direct debit: the consent a debtor gives (our own wording, shown on the
 * printable mandate page), the bank's reasons for sending a collection back, and why a batch left
 * an invoice out. Placeholders: {creditor} the operator's name, {creditorId} its Incassant-ID,
 * {reference} the mandate reference.
 */
import { defineMessages } from '../../kernel/i18n/define.js'

export const billingSepaMessages = defineMessages({
  'billing.mandate.scheme.CORE': { nl: 'Doorlopende machtiging (SEPA Core)', en: 'Recurring mandate (SEPA Core)' },
  'billing.mandate.scheme.B2B': { nl: 'Doorlopende zakelijke machtiging (SEPA B2B)', en: 'Recurring business mandate (SEPA B2B)' },
  'billing.mandate.consent.CORE': {
    nl: 'Met deze machtiging mag {creditor} (Incassant-ID {creditorId}) de bedragen van uw pakket bij elke factuur van uw rekening laten afschrijven, en mag uw bank die afschrijvingen uitvoeren. Elke factuur noemt vooraf het bedrag en de dag waarop het wordt afgeschreven. Bent u het met een afschrijving niet eens, dan kunt u die tot acht weken na de dag van afschrijving door uw bank laten terugboeken; uw bank vertelt u onder welke voorwaarden. Het kenmerk van deze machtiging is {reference}.',
    en: 'This mandate allows {creditor} (Creditor ID {creditorId}) to have the amounts of your package debited from your account with each invoice, and allows your bank to carry out those debits. Each invoice states in advance the amount and the day it will be debited. If you disagree with a debit, you can have your bank refund it up to eight weeks after the day of the debit; your bank tells you on which conditions. The reference of this mandate is {reference}.',
  },
  'billing.mandate.consent.B2B': {
    nl: 'Met deze zakelijke machtiging mag {creditor} (Incassant-ID {creditorId}) de bedragen van uw pakket bij elke factuur van de rekening van uw organisatie laten afschrijven, en mag uw bank die afschrijvingen uitvoeren. Deze machtiging is er alleen voor organisaties en bedrijven, niet voor particulieren. Een afschrijving onder deze machtiging kan achteraf niet worden teruggeboekt. Uw bank controleert elke afschrijving aan de machtiging: meld haar daarom het kenmerk {reference} en de gegevens van deze machtiging voordat de eerste afschrijving plaatsvindt. Tot de dag van afschrijving kunt u uw bank vragen een afschrijving niet uit te voeren.',
    en: 'This business mandate allows {creditor} (Creditor ID {creditorId}) to have the amounts of your package debited from your organisation’s account with each invoice, and allows your bank to carry out those debits. It is meant for organisations and businesses only, not for private persons. A debit under this mandate cannot be refunded afterwards. Your bank checks every debit against the mandate, so give your bank the reference {reference} and the details of this mandate before the first debit. Until the day of the debit you can ask your bank not to carry it out.',
  },

  // Why the bank sent a collection back (R-transactions), in words an admin can act on.
  'billing.return.AC01': { nl: 'Het rekeningnummer klopt niet.', en: 'The account number is wrong.' },
  'billing.return.AC04': { nl: 'De rekening is opgeheven.', en: 'The account has been closed.' },
  'billing.return.AC06': { nl: 'De rekening is geblokkeerd, of de rekeninghouder heeft incasso’s op deze rekening geblokkeerd.', en: 'The account is blocked, or its holder has blocked direct debits on it.' },
  'billing.return.AC13': { nl: 'Dit is een rekening van een particulier: een zakelijke (B2B) incasso kan daar niet.', en: 'This is a private person’s account: a business (B2B) direct debit is not possible there.' },
  'billing.return.AG01': { nl: 'Op deze rekening zijn incasso’s niet toegestaan.', en: 'Direct debits are not allowed on this account.' },
  'billing.return.AG02': { nl: 'De bank kon de opdracht technisch niet verwerken.', en: 'The bank could not process the instruction technically.' },
  'billing.return.AM04': { nl: 'Er stond niet genoeg geld op de rekening.', en: 'There was not enough money in the account.' },
  'billing.return.AM05': { nl: 'Deze incasso is dubbel aangeboden.', en: 'This collection was presented twice.' },
  'billing.return.BE05': { nl: 'De bank kent ons Incassant-ID niet bij deze incasso.', en: 'The bank does not recognise our Creditor ID for this collection.' },
  'billing.return.CNOR': { nl: 'Onze eigen bank kan deze incasso niet aanbieden.', en: 'Our own bank cannot present this collection.' },
  'billing.return.DNOR': { nl: 'De bank van de klant doet niet mee met SEPA-incasso.', en: 'The customer’s bank does not take part in SEPA direct debit.' },
  'billing.return.FF01': { nl: 'Het bestand of de opdracht had een ongeldig formaat.', en: 'The file or instruction had an invalid format.' },
  'billing.return.MD01': { nl: 'De bank van de klant kent geen geldige machtiging, of de klant heeft de machtiging ingetrokken.', en: 'The customer’s bank knows no valid mandate, or the customer has revoked it.' },
  'billing.return.MD02': { nl: 'Er ontbreken gegevens van de machtiging of ze kloppen niet.', en: 'Mandate details are missing or wrong.' },
  'billing.return.MD06': { nl: 'De klant heeft het bedrag binnen acht weken laten terugboeken.', en: 'The customer had the amount refunded within eight weeks.' },
  'billing.return.MD07': { nl: 'De rekeninghouder is overleden.', en: 'The account holder has died.' },
  'billing.return.MS02': { nl: 'De klant heeft deze incasso geweigerd, zonder reden te noemen.', en: 'The customer refused this collection without giving a reason.' },
  'billing.return.MS03': { nl: 'De bank heeft de incasso teruggestuurd zonder reden te noemen.', en: 'The bank returned the collection without giving a reason.' },
  'billing.return.RC01': { nl: 'De BIC van de bank klopt niet.', en: 'The bank’s BIC is wrong.' },
  'billing.return.RR01': { nl: 'Voor de wet ontbreken gegevens van de rekening of de klant.', en: 'Account or customer details required by law are missing.' },
  'billing.return.RR02': { nl: 'Voor de wet ontbreken de naam of het adres van de klant.', en: 'The customer’s name or address required by law is missing.' },
  'billing.return.RR03': { nl: 'Voor de wet ontbreken onze eigen naam of ons adres.', en: 'Our own name or address required by law is missing.' },
  'billing.return.RR04': { nl: 'De bank moest de incasso om wettelijke redenen weigeren.', en: 'The bank had to refuse the collection for legal reasons.' },
  'billing.return.SL01': { nl: 'De bank van de klant weigert incasso’s van ons op verzoek van de klant (blokkade of witte lijst).', en: 'The customer’s bank refuses our collections at the customer’s request (a block or an allow list).' },
  'billing.error.returnReason': { nl: 'Vul de redencode van de bank in, zoals AM04 of MD06.', en: 'Enter the bank’s reason code, such as AM04 or MD06.' },

  // Why an invoice stayed out of a direct debit batch.
  'billing.batch.leftOut.expired': { nl: 'De machtiging is verlopen: 36 maanden niet gebruikt. Vraag de klant een nieuwe machtiging.', en: 'The mandate has expired: not used for 36 months. Ask the customer for a new mandate.' },
  'billing.batch.leftOut.revoked': { nl: 'De machtiging is ingetrokken.', en: 'The mandate has been revoked.' },
  'billing.batch.leftOut.firstPending': { nl: 'De eerste incasso onder deze machtiging zit al in deze batch; deze factuur gaat mee met de volgende.', en: 'The first collection under this mandate is already in this batch; this invoice goes with the next one.' },
})
