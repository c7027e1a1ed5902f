import { defineMessages } from '../../kernel/i18n/define.js'

/** The titles and details of the partner API's problem answers (RFC 9457). */
export const partnersApiMessages = defineMessages({
  'partners.api.keyMissing.title': { nl: 'API-sleutel nodig', en: 'API key needed' },
  'partners.api.keyMissing.detail': {
    nl: 'Stuur de sleutel van je partnerovereenkomst mee als Authorization: Bearer <sleutel>.',
    en: 'Send the key of your partner agreement as Authorization: Bearer <key>.',
  },
  'partners.api.keyUnknown.title': { nl: 'Onbekende API-sleutel', en: 'Unknown API key' },
  'partners.api.keyUnknown.detail': { nl: 'Deze sleutel bestaat niet. Controleer of je hem volledig hebt overgenomen.', en: 'This key does not exist. Check that you copied all of it.' },
  'partners.api.keyRevoked.title': { nl: 'API-sleutel ingetrokken', en: 'API key revoked' },
  'partners.api.keyRevoked.detail': { nl: 'Deze sleutel is ingetrokken. Vraag de beheerder van het platform om een nieuwe.', en: 'This key was revoked. Ask the platform administrator for a new one.' },
  'partners.api.notInForce.title': { nl: 'Overeenkomst niet van kracht', en: 'Agreement not in force' },
  'partners.api.notInForce.detail': {
    nl: 'De deelovereenkomst bij deze sleutel is (nog) niet actief, opgeschort, beëindigd of verlopen. Zolang dat zo is, wordt er niets gedeeld.',
    en: 'The data-sharing agreement of this key is not active (yet), suspended, ended or expired. Nothing is shared while that is so.',
  },
  'partners.api.rateLimited.title': { nl: 'Te veel verzoeken', en: 'Too many requests' },
  'partners.api.rateLimited.detail': { nl: 'Deze sleutel mag {max} verzoeken per minuut doen. Probeer het over {seconds} seconden opnieuw.', en: 'This key may make {max} requests a minute. Try again in {seconds} seconds.' },
  'partners.api.badQuery.title': { nl: 'Ongeldige parameter', en: 'Invalid parameter' },
  'partners.api.badQuery.detail': { nl: 'Een of meer parameters kloppen niet; zie errors.', en: 'One or more parameters are not right; see errors.' },
  'partners.api.outOfScope.title': { nl: 'Buiten de overeenkomst', en: 'Outside the agreement' },
  'partners.api.outOfScope.detail': { nl: 'Deze wijk of stad valt niet onder je deelovereenkomst.', en: 'This wijk or city is not covered by your data-sharing agreement.' },
  'partners.api.typeOutOfScope.detail': { nl: 'Dit soort inhoud valt niet onder je deelovereenkomst.', en: 'This kind of content is not covered by your data-sharing agreement.' },
})
