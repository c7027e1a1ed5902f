import { defineMessages } from '../../kernel/i18n/i18n.js'

export const placesMessages = defineMessages({
  // Home: choosing a wijk
  'places.home.title': { nl: 'Kies je wijk', en: 'Choose your neighbourhood' },
  'places.home.intro': {
    nl: 'WijkConnect brengt per wijk samen wat bewoners en organisaties vragen en bieden. Kies hieronder je wijk, of zoek hem op met je postcode.',
    en: 'WijkConnect brings together, per neighbourhood, what residents and organisations ask and offer. Choose your neighbourhood below, or find it with your postcode.',
  },
  'places.home.byPostcode': { nl: 'Zoek je wijk met je postcode', en: 'Find your neighbourhood by postcode' },
  'places.home.byName': { nl: 'Alle wijken', en: 'All neighbourhoods' },
  'places.home.cities': { nl: 'Steden', en: 'Cities' },
  'places.home.noWijken': { nl: 'Er zijn nog geen wijken op dit platform.', en: 'There are no neighbourhoods on this platform yet.' },
  'places.postcode.label': { nl: 'Postcode', en: 'Postcode' },
  'places.postcode.hint': {
    nl: 'Bijvoorbeeld 7411 AB. We gebruiken alleen de vier cijfers en bewaren niets.',
    en: 'For example 7411 AB. We only use the four digits and keep nothing.',
  },
  'places.postcode.submit': { nl: 'Zoek mijn wijk', en: 'Find my neighbourhood' },
  'places.postcode.required': { nl: 'Vul je postcode in, bijvoorbeeld 7411 AB.', en: 'Enter your postcode, for example 7411 AB.' },
  'places.postcode.invalid': {
    nl: 'Dit is geen Nederlandse postcode. Gebruik vier cijfers, eventueel met twee letters, zoals 7411 AB.',
    en: 'This is not a Dutch postcode. Use four digits, optionally followed by two letters, such as 7411 AB.',
  },
  'places.search.title': { nl: 'Wijk zoeken op postcode', en: 'Find a neighbourhood by postcode' },
  'places.search.several': { nl: 'Postcodegebied {pc4} hoort bij meer dan één wijk. Kies je wijk:', en: 'Postcode area {pc4} belongs to more than one neighbourhood. Choose yours:' },
  'places.search.none': {
    nl: 'We hebben (nog) geen wijk voor postcodegebied {pc4}. Kies hieronder zelf een wijk, of probeer een andere postcode.',
    en: 'We have no neighbourhood for postcode area {pc4} (yet). Choose one below yourself, or try another postcode.',
  },
  // City page
  'places.city.intro': { nl: 'De wijken van {city} op WijkConnect.', en: 'The neighbourhoods of {city} on WijkConnect.' },
  'places.city.noWijken': { nl: 'Deze stad heeft nog geen wijken.', en: 'This city has no neighbourhoods yet.' },
  // Wijk home
  'places.wijk.about': { nl: 'Over deze wijk', en: 'About this neighbourhood' },
  'places.wijk.city': { nl: 'Stad', en: 'City' },
  'places.wijk.postcodes': { nl: 'Postcodegebieden', en: 'Postcode areas' },
  'places.wijk.noPostcodes': { nl: 'Nog niet ingesteld', en: 'Not set yet' },
  'places.wijk.noIntro': { nl: 'Welkom op de site van {wijk}.', en: 'Welcome to the {wijk} site.' },
  'places.module.agenda': { nl: 'Agenda', en: 'Calendar' },
  'places.module.agenda.empty': { nl: 'Nog niets gepland.', en: 'Nothing planned yet.' },
  'places.module.organisaties': { nl: 'Organisaties', en: 'Organisations' },
  'places.module.organisaties.empty': { nl: 'Nog geen organisaties of initiatieven.', en: 'No organisations or initiatives yet.' },
  'places.module.prikbord': { nl: 'Prikbord', en: 'Notice board' },
  'places.module.prikbord.empty': { nl: 'Nog geen vraag of aanbod.', en: 'No requests or offers yet.' },
  'places.module.nieuws': { nl: 'Nieuws', en: 'News' },
  'places.module.nieuws.empty': { nl: 'Nog geen nieuws.', en: 'No news yet.' },
  'places.module.etalage': { nl: 'Etalage', en: 'Shop window' },
  'places.module.etalage.empty': { nl: 'Nog geen producten of diensten.', en: 'No products or services yet.' },
  'places.wijk.logoAlt': { nl: 'Logo van {wijk}', en: 'Logo of {wijk}' },
  // Validation of city and wijk forms
  'places.slug.pattern': {
    nl: 'Gebruik alleen kleine letters, cijfers en streepjes (niet aan het begin of eind), zoals oosterpark-noord.',
    en: 'Use only lower-case letters, digits and hyphens (not at the start or end), such as oosterpark-noord.',
  },
  'places.slug.reserved': { nl: 'Dit woord is gereserveerd voor het platform. Kies een ander adres.', en: 'This word is reserved for the platform. Choose another address.' },
  'places.slug.taken': { nl: 'Dit adres is al in gebruik door een stad of wijk.', en: 'This address is already used by a city or neighbourhood.' },
  'places.postcodes.invalid': {
    nl: 'Gebruik postcodes van precies vier cijfers (1000 tot en met 9999), gescheiden door komma’s of spaties.',
    en: 'Use postcodes of exactly four digits (1000 to 9999), separated by commas or spaces.',
  },
  'places.colour.invalid': { nl: 'Kies een kleur in de vorm #rrggbb, bijvoorbeeld #1d6b4f.', en: 'Choose a colour in the form #rrggbb, for example #1d6b4f.' },
  'places.hostName.invalid': {
    nl: 'Vul een geldige domeinnaam in, zoals www.mijnwijk.nl (zonder https:// en zonder /).',
    en: 'Enter a valid domain name, such as www.myneighbourhood.nl (without https:// and without /).',
  },
  'places.hostName.taken': { nl: 'Deze domeinnaam hoort al bij een andere wijk.', en: 'This domain name already belongs to another neighbourhood.' },
  'places.hostName.platform': { nl: 'Dit is de domeinnaam van het platform zelf.', en: 'This is the domain name of the platform itself.' },
  'places.logo.tooLarge': { nl: 'Het logo is groter dan 2 MB. Kies een kleiner bestand.', en: 'The logo is larger than 2 MB. Choose a smaller file.' },
  'places.logo.type': { nl: 'Gebruik een JPEG-, PNG- of WebP-afbeelding.', en: 'Use a JPEG, PNG or WebP image.' },
  'places.logo.unreadable': {
    nl: 'Dit bestand is geen afbeelding die we kunnen lezen. Gebruik een JPEG-, PNG- of WebP-afbeelding.',
    en: 'This file is not an image we can read. Use a JPEG, PNG or WebP image.',
  },
})
