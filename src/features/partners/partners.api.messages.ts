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
  'partners.api.rateLimited.detail': {
    nl: 'Deze sleutel mag {max, plural, one {# verzoek} other {# verzoeken}} per minuut doen. Probeer het over {seconds, plural, one {# seconde} other {# seconden}} opnieuw.',
    en: 'This key may make {max, plural, one {# request} other {# requests}} a minute. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  'partners.api.limits.short': { nl: 'Te veel aanvragen met deze sleutel in een minuut; wacht het aantal seconden uit Retry-After.', en: 'Too many requests with this key in a minute; wait the seconds given in Retry-After.' },
  'partners.api.badQuery.title': { nl: 'Ongeldige parameter', en: 'Invalid parameter' },
  'partners.api.badQuery.detail': { nl: 'Een of meer parameters kloppen niet; zie errors.', en: 'One or more parameters are not right; see errors.' },
  'partners.api.outOfScope.title': { nl: 'Buiten de overeenkomst', en: 'Outside the agreement' },
  'partners.api.outOfScope.detail': { nl: 'Deze wijk of stad valt niet onder je deelovereenkomst.', en: 'This wijk or city is not covered by your data-sharing agreement.' },
  'partners.api.changesExpired.title': { nl: 'Cursor te oud', en: 'Cursor too old' },
  'partners.api.changesExpired.detail': {
    nl: 'Wijzigingen worden {days, plural, one {# dag} other {# dagen}} bewaard en deze cursor is ouder. Haal alle lijsten opnieuw op (zonder updated_since), vervang je kopie daarmee en begin opnieuw met /api/v1/changes zonder since.',
    en: 'Changes are kept for {days, plural, one {# day} other {# days}} and this cursor is older. Fetch every list again (without updated_since), replace your copy with it, and start again with /api/v1/changes without since.',
  },
  'partners.api.changesExpired.short': {
    nl: 'De cursor van /api/v1/changes is ouder dan de 90 dagen dat wijzigingen bewaard worden; haal alles opnieuw op en begin opnieuw zonder since.',
    en: 'The /api/v1/changes cursor is older than the 90 days changes are kept; fetch everything again and start over without since.',
  },
  'partners.api.typeOutOfScope.detail': { nl: 'Dit soort inhoud valt niet onder je deelovereenkomst.', en: 'This kind of content is not covered by your data-sharing agreement.' },
})

/** The API page for partners' developers (/api/docs). */
export const partnersApiDocsMessages = defineMessages({
  'partners.docs.title': { nl: 'Partner-API', en: 'Partner API' },
  'partners.docs.intro': {
    nl: 'Organisaties met een deelovereenkomst kunnen openbare inhoud van de wijken uit hun overeenkomst op hun eigen website tonen. De API geeft alleen wat iedereen op de wijksite ook ziet, en alleen wat de eigenaar met partners wil delen. Contactgegevens staan er alleen in als de eigenaar ze openbaar heeft gemaakt.',
    en: 'Organisations with a data-sharing agreement can show public content of the wijken in their agreement on their own website. The API gives only what anyone sees on the wijk site, and only what the owner wants to share with partners. Contact details are included only where the owner made them public.',
  },
  'partners.docs.partnersLink': { nl: 'Welke partners er zijn', en: 'Which partners there are' },
  'partners.docs.machine': { nl: 'De volledige beschrijving (OpenAPI 3.1)', en: 'The full description (OpenAPI 3.1)' },
  'partners.docs.key.title': { nl: 'Sleutel', en: 'Key' },
  'partners.docs.key.body': {
    nl: 'Elke aanvraag draagt de sleutel van je overeenkomst mee. Je krijgt hem één keer te zien als hij wordt aangemaakt; bewaar hem als een wachtwoord. Je kunt meerdere sleutels hebben, zodat je kunt wisselen zonder onderbreking. Zonder sleutel, met een ingetrokken sleutel of als de overeenkomst niet (meer) van kracht is, krijg je 401.',
    en: 'Every request carries the key of your agreement. You see it once, when it is made; keep it like a password. You can have several keys, so you can switch without a break. Without a key, with a revoked key or when the agreement is not (or no longer) in force, you get 401.',
  },
  'partners.docs.resources.title': { nl: 'Bronnen', en: 'Resources' },
  'partners.docs.parameters': { nl: 'Parameters', en: 'Parameters' },
  'partners.docs.parameter': { nl: 'Naam', en: 'Name' },
  'partners.docs.description': { nl: 'Betekenis', en: 'Meaning' },
  'partners.docs.paging.title': { nl: 'Bladeren', en: 'Paging' },
  'partners.docs.paging.body': {
    nl: 'Lijsten geven maximaal 100 items per keer. Volg links.next tot die leeg is: elk item komt precies één keer langs, ook als er tijdens het bladeren items bijkomen.',
    en: 'Lists give at most 100 items at a time. Follow links.next until it is empty: every item comes by exactly once, also when items are added while you page.',
  },
  'partners.docs.sync.title': { nl: 'Bijhouden', en: 'Keeping up' },
  'partners.docs.sync.body': {
    nl: 'Houd je een kopie bij, vraag dan de volgende keer met updated_since (uit meta.sync) wat er veranderd is, en vraag /api/v1/changes met since (ook uit meta.sync) welke items weg zijn: verwijderd, verborgen, verlopen, door de eigenaar afgeschermd of van een opgezegd account. De deelovereenkomst verplicht je die items bij de volgende synchronisatie, en minstens dagelijks, te verwijderen. Elk antwoord heeft een ETag: stuur If-None-Match mee en je krijgt 304 als er niets veranderd is.',
    en: 'If you keep a copy, ask next time with updated_since (from meta.sync) what changed, and ask /api/v1/changes with since (also from meta.sync) which items are gone: deleted, hidden, expired, kept private by the owner or of a cancelled account. The data-sharing agreement obliges you to remove those items at your next sync, and at least daily. Every answer has an ETag: send If-None-Match and you get 304 when nothing changed.',
  },
  'partners.docs.formats.title': { nl: 'Formaten', en: 'Formats' },
  'partners.docs.formats.body': {
    nl: 'Standaard JSON. Met Accept: application/ld+json krijg je schema.org JSON-LD (Event, Organization, NewsArticle, Demand, Offer, Product).',
    en: 'JSON by default. With Accept: application/ld+json you get schema.org JSON-LD (Event, Organization, NewsArticle, Demand, Offer, Product).',
  },
  'partners.docs.limits.title': { nl: 'Grenzen', en: 'Limits' },
  'partners.docs.limits.body': {
    nl: 'Een sleutel mag standaard 600 aanvragen per minuut doen (de overeenkomst kan anders zeggen). Daarboven krijg je 429 met Retry-After. We tellen per sleutel per dag hoeveel aanvragen er waren, niets meer: geen IP-adressen.',
    en: 'A key may make 600 requests a minute by default (the agreement may say otherwise). Above that you get 429 with Retry-After. We count requests per key per day, nothing more: no IP addresses.',
  },
  'partners.docs.problems.title': { nl: 'Foutmeldingen', en: 'Errors' },
  'partners.docs.problems.body': {
    nl: 'Fouten komen als application/problem+json (RFC 9457), met een vaste code:',
    en: 'Errors come as application/problem+json (RFC 9457), with a fixed code:',
  },
  'partners.docs.versions.title': { nl: 'Versies', en: 'Versions' },
  'partners.docs.versions.body': {
    nl: 'De versie staat in het pad (/api/v1/). Velden en parameters kunnen erbij komen; wat je code kan breken komt in een nieuwe versie. Een oude versie blijft na de komst van de nieuwe minstens zes maanden werken, en partners horen dat per e-mail.',
    en: 'The version is in the path (/api/v1/). Fields and parameters may be added; anything that could break your code comes in a new version. An old version keeps working for at least six months after the new one arrives, and partners are told by email.',
  },
})
