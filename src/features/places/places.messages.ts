import { defineMessages } from '../../kernel/i18n/define.js'

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
  // Coarse location (P17): "use my location" on the chooser
  'places.locate.title': { nl: 'Zoek je wijk met je locatie', en: 'Find your neighbourhood by location' },
  'places.locate.button': { nl: 'Gebruik mijn locatie', en: 'Use my location' },
  'places.locate.hint': {
    nl: 'Je browser vraagt eerst om toestemming. We ronden je locatie af op ongeveer een kilometer, gebruiken die alleen om de dichtstbijzijnde wijk te vinden en bewaren niets.',
    en: 'Your browser asks for permission first. We round your location to about a kilometre, use it only to find the nearest neighbourhood, and keep nothing.',
  },
  'places.locate.busy': { nl: 'Je locatie wordt opgevraagd…', en: 'Asking for your location…' },
  'places.locate.failed': {
    nl: 'Je locatie kon niet worden bepaald. Zoek je wijk met je postcode of kies hem uit de lijst.',
    en: 'Your location could not be determined. Find your neighbourhood by postcode or choose it from the list.',
  },
  'places.locate.resultTitle': { nl: 'Wijk zoeken op locatie', en: 'Find a neighbourhood by location' },
  'places.locate.none': {
    nl: 'We vonden geen wijk binnen {km} km van je locatie. Zoek met je postcode of kies hieronder zelf een wijk.',
    en: 'We found no neighbourhood within {km} km of your location. Search by postcode or choose a neighbourhood below yourself.',
  },
  'places.locate.invalid': {
    nl: 'Deze locatie kunnen we niet gebruiken: we verwachten een breedtegraad tussen -90 en 90 en een lengtegraad tussen -180 en 180. Zoek je wijk met je postcode of kies hem uit de lijst.',
    en: 'We cannot use this location: we expect a latitude between -90 and 90 and a longitude between -180 and 180. Find your neighbourhood by postcode or choose it from the list.',
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
  'places.center.legend': { nl: 'Middelpunt van de wijk', en: 'Centre of the neighbourhood' },
  'places.center.hint': {
    nl: 'Breedte- en lengtegraad in graden (WGS84), bijvoorbeeld 52.2555 en 6.1633. Bezoekers die “Gebruik mijn locatie” kiezen, komen bij de wijk waarvan het middelpunt het dichtstbij ligt (tot 3 km). Laat beide leeg als de wijk daarvoor niet meedoet.',
    en: 'Latitude and longitude in degrees (WGS84), for example 52.2555 and 6.1633. Visitors who choose “Use my location” go to the neighbourhood whose centre is nearest (up to 3 km). Leave both empty to leave the neighbourhood out of that.',
  },
  'places.centerLat.label': { nl: 'Breedtegraad', en: 'Latitude' },
  'places.centerLon.label': { nl: 'Lengtegraad', en: 'Longitude' },
  'places.centerLat.invalid': { nl: 'Vul een breedtegraad in tussen -90 en 90, zoals 52.2555.', en: 'Enter a latitude between -90 and 90, such as 52.2555.' },
  'places.centerLon.invalid': { nl: 'Vul een lengtegraad in tussen -180 en 180, zoals 6.1633.', en: 'Enter a longitude between -180 and 180, such as 6.1633.' },
  'places.center.both': { nl: 'Vul zowel de breedte- als de lengtegraad in, of laat ze allebei leeg.', en: 'Enter both the latitude and the longitude, or leave both empty.' },
  'places.logo.tooLarge': { nl: 'Het logo is groter dan 2 MB. Kies een kleiner bestand.', en: 'The logo is larger than 2 MB. Choose a smaller file.' },
  'places.logo.type': { nl: 'Gebruik een JPEG-, PNG- of WebP-afbeelding.', en: 'Use a JPEG, PNG or WebP image.' },
  'places.logo.unreadable': {
    nl: 'Dit bestand is geen afbeelding die we kunnen lezen. Gebruik een JPEG-, PNG- of WebP-afbeelding.',
    en: 'This file is not an image we can read. Use a JPEG, PNG or WebP image.',
  },
  // Cover photo (beheer), kept by the wijk team
  'places.cover.page': { nl: 'Omslagfoto', en: 'Cover photo' },
  'places.cover.title': { nl: 'Omslagfoto van {wijk}', en: 'Cover photo of {wijk}' },
  'places.cover.intro': {
    nl: 'De omslagfoto staat bovenaan de startpagina van de wijk. We snijden hem bij tot een brede strook rond het belangrijkste deel van de foto.',
    en: 'The cover photo is shown at the top of the neighbourhood’s home page. We cut it to a wide strip around the most important part of the photo.',
  },
  'places.cover.current': { nl: 'Huidige omslagfoto', en: 'Current cover photo' },
  'places.cover.none': {
    nl: 'Er is nog geen omslagfoto. Een foto van een herkenbare plek in de wijk maakt de startpagina meteen van jullie: kies er hieronder een.',
    en: 'There is no cover photo yet. A photo of a well-known spot in the neighbourhood makes the home page yours at once: choose one below.',
  },
  'places.cover.add': { nl: 'Omslagfoto kiezen', en: 'Choose a cover photo' },
  'places.cover.replace': { nl: 'Andere omslagfoto kiezen', en: 'Choose another cover photo' },
  'places.cover.file': { nl: 'Foto', en: 'Photo' },
  'places.cover.file.hint': {
    nl: 'JPEG, PNG of WebP, hoogstens 10 MB; liefst een liggende foto. Locatie- en cameragegevens worden verwijderd.',
    en: 'JPEG, PNG or WebP, at most 10 MB; preferably a landscape photo. Location and camera data are removed.',
  },
  'places.cover.alt': { nl: 'Beschrijving van de foto', en: 'Description of the photo' },
  'places.cover.alt.hint': {
    nl: 'Verplicht, voor wie de foto niet kan zien. Bijvoorbeeld: “Het plein met de zaterdagmarkt”.',
    en: 'Required, for people who cannot see the photo. For example: “The square with the Saturday market”.',
  },
  'places.cover.save': { nl: 'Omslagfoto opslaan', en: 'Save cover photo' },
  'places.cover.remove': { nl: 'Omslagfoto verwijderen', en: 'Remove cover photo' },
  'places.cover.missing': { nl: 'Kies een foto.', en: 'Choose a photo.' },
  'places.cover.tooLarge': { nl: 'Deze foto is groter dan 10 MB. Kies een kleiner bestand.', en: 'This photo is larger than 10 MB. Choose a smaller file.' },
  'places.cover.type': { nl: 'Gebruik een JPEG-, PNG- of WebP-afbeelding.', en: 'Use a JPEG, PNG or WebP image.' },
  'places.cover.unreadable': {
    nl: 'Dit bestand is geen afbeelding die we kunnen lezen. Gebruik een JPEG-, PNG- of WebP-afbeelding.',
    en: 'This file is not an image we can read. Use a JPEG, PNG or WebP image.',
  },
  'places.cover.again': { nl: 'Kies de foto opnieuw: een bestand kan na een fout niet bewaard blijven.', en: 'Choose the photo again: a file cannot be kept after an error.' },
  'places.cover.back': { nl: 'Terug naar {wijk}', en: 'Back to {wijk}' },
  'places.cover.view': { nl: 'Bekijk de startpagina van de wijk', en: 'View the neighbourhood’s home page' },
  'flash.places.coverSaved': { nl: 'De omslagfoto is opgeslagen.', en: 'The cover photo has been saved.' },
  'flash.places.coverRemoved': { nl: 'De omslagfoto is verwijderd.', en: 'The cover photo has been removed.' },
  // A wijk that is not launched yet (places.launch.ts)
  'places.launch.banner': {
    nl: "Deze wijk is nog niet gelanceerd: alleen het wijkteam ziet deze pagina's.",
    en: 'This neighbourhood has not been launched yet: only the neighbourhood team sees these pages.',
  },
  'places.launch.notYet': { nl: 'nog niet gelanceerd', en: 'not launched yet' },
  'places.launch.button': { nl: 'Wijk lanceren', en: 'Launch neighbourhood' },
  'places.launch.hint': {
    nl: 'Na het lanceren ziet iedereen de wijk, ook in de lijsten van wijken, de zoekresultaten en de feeds.',
    en: 'Once launched, everyone sees the neighbourhood, also in the lists of neighbourhoods, search results and feeds.',
  },
  'places.launch.now': { nl: 'Meteen lanceren', en: 'Launch at once' },
  'places.launch.nowHint': {
    nl: 'Zet dit uit om de wijk eerst voor te bereiden: dan zien alleen het wijkteam en platformbeheerders haar, tot iemand haar lanceert.',
    en: 'Untick to prepare the neighbourhood first: only its team and platform administrators see it until someone launches it.',
  },
  'flash.places.launched': { nl: 'De wijk is gelanceerd: iedereen kan haar nu zien.', en: 'The neighbourhood has been launched: everyone can see it now.' },
  // The wijk bar and the top of the wijk home (wijk-header.tsx)
  'places.bar.nav': { nl: 'Onderdelen van {wijk}', en: 'Sections of {wijk}' },
  'places.bar.newsletter': { nl: 'Nieuwsbrief', en: 'Newsletter' },
  'places.bar.search': { nl: 'Zoeken in {wijk}', en: 'Search {wijk}' },
  'places.bar.placeholder': { nl: 'Wat zoek je?', en: 'What are you looking for?' },
  'places.bar.searchButton': { nl: 'Zoeken', en: 'Search' },
})
