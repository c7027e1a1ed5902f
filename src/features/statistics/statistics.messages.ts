import { defineMessages } from '../../kernel/i18n/define.js'

export const statisticsMessages = defineMessages({
  'statistics.title': { nl: 'Statistieken', en: 'Statistics' },
  'statistics.titleWijk': { nl: 'Statistieken van {wijk}', en: 'Statistics for {wijk}' },
  'statistics.intro': {
    nl: 'Hoe vaak de openbare pagina’s bekeken zijn. We tellen zonder cookies en bewaren geen IP-adres, geen volledige browsergegevens en niets waarmee een bezoeker te herkennen is: alleen opgetelde aantallen per dag. Zoekmachines en andere robots tellen niet mee.',
    en: 'How often the public pages were viewed. We count without cookies and keep no IP address, no full browser details and nothing that could identify a visitor: only totals per day. Search engines and other robots are not counted.',
  },
  'statistics.back': { nl: 'Terug naar beheer', en: 'Back to management' },
  'statistics.wijkLink': { nl: 'Statistieken', en: 'Statistics' },
  // Filter
  'statistics.filter.title': { nl: 'Periode en wijk kiezen', en: 'Choose period and neighbourhood' },
  'statistics.filter.period': { nl: 'Periode', en: 'Period' },
  'statistics.filter.days': { nl: '{n, plural, one {Laatste dag} other {Laatste # dagen}}', en: '{n, plural, one {Last day} other {Last # days}}' },
  'statistics.filter.wijk': { nl: 'Wijk', en: 'Neighbourhood' },
  'statistics.filter.allSites': { nl: 'Alle wijken en het platform', en: 'All neighbourhoods and the platform' },
  'statistics.filter.platform': { nl: 'Alleen platformpagina’s (geen wijk)', en: 'Platform pages only (no neighbourhood)' },
  'statistics.filter.submit': { nl: 'Toon', en: 'Show' },
  'statistics.filter.period.invalid': { nl: 'Kies een periode van 7, 30 of 90 dagen.', en: 'Choose a period of 7, 30 or 90 days.' },
  'statistics.filter.wijk.invalid': { nl: 'Kies een wijk uit de lijst.', en: 'Choose a neighbourhood from the list.' },
  // Summary and download
  'statistics.total': { nl: '{views, plural, one {# weergave} other {# weergaven}} van {from} tot en met {to}.', en: '{views, plural, one {# view} other {# views}} from {from} to {to} inclusive.' },
  'statistics.csv': { nl: 'Download deze cijfers als CSV-bestand', en: 'Download these figures as a CSV file' },
  'statistics.empty': { nl: 'Nog geen weergaven in deze periode.', en: 'No views in this period yet.' },
  'statistics.retention': {
    nl: 'Losse bezoeken worden nooit opgeslagen. De opgetelde aantallen per dag bewaren we 25 maanden.',
    en: 'Individual visits are never stored. The daily totals are kept for 25 months.',
  },
  // Charts
  'statistics.chart.perDay': { nl: 'Weergaven per dag', en: 'Views per day' },
  'statistics.chart.perDay.desc': {
    nl: 'Staafdiagram van {days, plural, one {# dag} other {# dagen}}, van {from} tot en met {to}. Totaal {total, plural, one {# weergave} other {# weergaven}}; de drukste dag was {top} met {topViews}.',
    en: 'Bar chart of {days, plural, one {# day} other {# days}}, from {from} to {to} inclusive. {total, plural, one {# view} other {# views}} in total; the busiest day was {top} with {topViews}.',
  },
  'statistics.chart.pages': { nl: 'Meest bekeken pagina’s', en: 'Most viewed pages' },
  'statistics.chart.referrers': { nl: 'Verwijzende websites', en: 'Referring websites' },
  'statistics.chart.referrers.none': {
    nl: 'Geen bezoekers via een andere website in deze periode.',
    en: 'No visitors came from another website in this period.',
  },
  'statistics.chart.browsers': { nl: 'Browsers', en: 'Browsers' },
  'statistics.chart.languages': { nl: 'Talen', en: 'Languages' },
  'statistics.chart.bars.desc': {
    nl: 'Staafdiagram met {count, plural, one {# regel} other {# regels}}, de grootste eerst: {first} met {views, plural, one {# weergave} other {# weergaven}}.',
    en: 'Bar chart with {count, plural, one {# row} other {# rows}}, largest first: {first} with {views, plural, one {# view} other {# views}}.',
  },
  'statistics.table.show': { nl: 'Toon als tabel: {title}', en: 'Show as a table: {title}' },
  'statistics.col.day': { nl: 'Dag', en: 'Day' },
  'statistics.col.page': { nl: 'Pagina', en: 'Page' },
  'statistics.col.site': { nl: 'Website', en: 'Website' },
  'statistics.col.browser': { nl: 'Browser', en: 'Browser' },
  'statistics.col.language': { nl: 'Taal', en: 'Language' },
  'statistics.col.views': { nl: 'Weergaven', en: 'Views' },
  'statistics.browser.other': { nl: 'Overig', en: 'Other' },
  'statistics.lang.nl': { nl: 'Nederlands', en: 'Dutch' },
  'statistics.lang.en': { nl: 'Engels', en: 'English' },
  'statistics.path.overflow': { nl: '(overige pagina’s)', en: '(other pages)' },
})
