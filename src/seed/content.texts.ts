/**
 * The fictional texts of the demo content. Written for this project; any resemblance to real
 * organisations or people is accidental. Placeholders: {wijk}, {buurthuis}, {plein}, {park},
 * {straat}, {school}.
 */
import type { Recurrence } from '../features/content/content.tables.js'

export interface Place {
  buurthuis: string
  plein: string
  park: string
  straten: string[]
  school: string
}

export const PLACES: Record<string, Place> = {
  'oosterpark-noord': {
    buurthuis: 'Buurthuis De Linde',
    plein: 'het Kastanjeplein',
    park: 'het Oosterpark',
    straten: ['Merelstraat', 'Lijsterbeslaan', 'Zwaluwhof', 'Spreeuwenpad', 'Vinkenweg'],
    school: 'basisschool De Regenboog',
  },
  'de-vlinderhof': {
    buurthuis: 'Wijkcentrum De Cocon',
    plein: 'het Pauwoogplein',
    park: 'de Vlindertuin',
    straten: ['Citroenvlinderlaan', 'Atalantastraat', 'Koolwitjespad', 'Dagpauwoogweg', 'Distelvlinderhof'],
    school: 'kindcentrum De Rups',
  },
  brinkveld: {
    buurthuis: 'Dorpshuis De Brink',
    plein: 'de Brink',
    park: 'het Molenbos',
    straten: ['Kerkstraat', 'Smidsweg', 'Hooiberglaan', 'Oude Molenweg', 'Schoolpad'],
    school: 'de Brinkschool',
  },
}

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface ActivityText {
  title: string
  summary: string
  body: string
  themes: string[]
  /** ISO weekday (1 = Monday) and start time; the first date is the next such day. */
  weekday: Weekday
  start: [number, number]
  minutes: number | null
  allDay?: boolean
  /** Null: a one-off, `inWeeks` weeks from now. */
  recurrence: Recurrence['kind'] | null
  inWeeks?: number
  costCents: number | null
  joinInfo: string
  /** Held at the organisation with this title (else at locationText). */
  atOrganisation?: string
  locationText?: string
}

export const ACTIVITIES: ActivityText[] = [
  {
    title: 'Koffieochtend voor iedereen',
    summary: 'Elke dinsdag staat de koffie klaar in {buurthuis}. Binnenlopen mag altijd.',
    body: 'Zin in een praatje? Op dinsdagochtend zetten vrijwilligers koffie en thee, en meestal is er iets lekkers bij. Je hoeft niemand te kennen: aan de lange tafel schuif je zo aan.\n\nOok handig als je net in {wijk} woont en wilt weten wat er te doen is.',
    themes: ['ontmoeting'],
    weekday: 2,
    start: [10, 0],
    minutes: 120,
    recurrence: 'weekly',
    costCents: null,
    joinInfo: 'Gewoon binnenlopen, aanmelden is niet nodig.',
    atOrganisation: 'buurthuis',
  },
  {
    title: 'Samen eten aan de buurttafel',
    summary: 'Om de week een driegangenmenu, gekookt door buren, voor een klein bedrag.',
    body: 'Een vaste groep kookvrijwilligers maakt om de week een eenvoudige maaltijd met soep, een hoofdgerecht en een toetje. Vegetarisch kan altijd.\n\nWe eten aan lange tafels, dus je zit vanzelf naast iemand nieuws.',
    themes: ['ontmoeting', 'zorg-en-welzijn'],
    weekday: 4,
    start: [18, 0],
    minutes: 120,
    recurrence: 'biweekly',
    costCents: 450,
    joinInfo: 'Aanmelden tot dinsdagavond bij de bar of via het contactformulier.',
    atOrganisation: 'buurthuis',
  },
  {
    title: 'Repaircafé: repareren in plaats van weggooien',
    summary: 'Kapotte broodrooster, lamp of broek? Samen met handige buren maak je het weer heel.',
    body: 'Elke eerste zaterdag van de maand staan er sleutelaars, naaisters en een fietsenmaker klaar. Je repareert samen, zodat je er ook iets van leert.\n\n**Neem mee:** het kapotte voorwerp en, als je die hebt, de onderdelen. Koffie is gratis, een vrijwillige bijdrage voor de pot is welkom.',
    themes: ['duurzaamheid'],
    weekday: 6,
    start: [13, 0],
    minutes: 180,
    recurrence: 'monthly-weekday',
    costCents: null,
    joinInfo: 'Kom langs tussen 13.00 en 15.30 uur; wie het eerst komt, wordt het eerst geholpen.',
    atOrganisation: 'repair',
  },
  {
    title: 'Wandelgroep in {park}',
    summary: 'Een uur stevig doorstappen in een rustig tempo, met na afloop koffie.',
    body: 'We lopen een vaste ronde van ongeveer vijf kilometer. Het tempo past zich aan aan de langzaamste wandelaar, dus niemand blijft achter.\n\nBij harde regen gaat de wandeling niet door; dat hoor je dan via de groepsapp.',
    themes: ['sport-en-bewegen', 'ontmoeting'],
    weekday: 3,
    start: [9, 30],
    minutes: 90,
    recurrence: 'weekly',
    costCents: null,
    joinInfo: 'Verzamelen bij de hoofdingang van {park}. Trek goede schoenen aan.',
    locationText: 'Hoofdingang {park}',
  },
  {
    title: 'Taalcafé: Nederlands oefenen',
    summary: 'Oefen Nederlands in een ontspannen gesprek met buren die graag helpen.',
    body: 'In kleine groepjes praten we over alledaagse onderwerpen: boodschappen, de dokter, het weer. Taalmaatjes helpen met woorden en zinnen.\n\nJe niveau maakt niet uit. Beginners zijn net zo welkom als mensen die al goed Nederlands spreken.',
    themes: ['ontmoeting', 'cultuur'],
    weekday: 1,
    start: [19, 30],
    minutes: 90,
    recurrence: 'weekly',
    costCents: null,
    joinInfo: 'Vrije inloop. Wil je zelf taalmaatje worden? Stuur ons een bericht.',
    atOrganisation: 'bibliotheek',
  },
  {
    title: 'Huiswerkbegeleiding voor groep 7 en 8',
    summary: 'Rustig huiswerk maken met hulp van studenten, na schooltijd.',
    body: 'Studenten helpen kinderen uit groep 7 en 8 met rekenen, begrijpend lezen en het plannen van hun werk. Er is limonade en fruit.\n\nOuders kunnen bij het eerste bezoek even kennismaken met de begeleiders.',
    themes: ['kinderen-en-jeugd'],
    weekday: 4,
    start: [15, 30],
    minutes: 90,
    recurrence: 'weekly',
    costCents: null,
    joinInfo: 'Aanmelden via het contactformulier; er zijn twaalf plekken.',
    locationText: 'Lokaal naast {school}',
  },
  {
    title: 'Stoelyoga voor 60-plussers',
    summary: 'Zachte oefeningen op een stoel: goed voor balans, adem en soepelheid.',
    body: 'Een gediplomeerde docent begeleidt de les. Alle oefeningen kunnen zittend, dus ook met een rollator of na een operatie kun je meedoen.\n\nDraag makkelijke kleding en neem een flesje water mee.',
    themes: ['sport-en-bewegen', 'zorg-en-welzijn'],
    weekday: 5,
    start: [10, 0],
    minutes: 60,
    recurrence: 'weekly',
    costCents: 200,
    joinInfo: 'Eerste les gratis proberen. Daarna € 2 per keer, contant of met de pas.',
    atOrganisation: 'buurthuis',
  },
  {
    title: 'Werkochtend in de buurtmoestuin',
    summary: 'Zaaien, wieden en oogsten met buren. Geen ervaring nodig.',
    body: 'In de buurtmoestuin kweken we groenten, kruiden en bloemen voor bijen en vlinders. Om de week is er een werkochtend waarop iedereen kan helpen.\n\nWat er geoogst wordt, verdelen we onder de helpers. Handschoenen en gereedschap zijn er.',
    themes: ['duurzaamheid', 'ontmoeting'],
    weekday: 6,
    start: [10, 0],
    minutes: 150,
    recurrence: 'biweekly',
    costCents: null,
    joinInfo: 'Loop binnen via het hek aan de {straat}.',
    locationText: 'Buurtmoestuin aan de {straat}',
  },
  {
    title: 'Spelletjesmiddag',
    summary: 'Sjoelen, rummikub en kaartspellen voor jong en oud.',
    body: 'Om de week op zondagmiddag halen we de spellenkast leeg. Neem gerust je eigen favoriete spel mee om anderen te leren.\n\nKinderen onder de tien komen samen met een volwassene.',
    themes: ['ontmoeting', 'kinderen-en-jeugd'],
    weekday: 7,
    start: [14, 0],
    minutes: 180,
    recurrence: 'biweekly',
    costCents: null,
    joinInfo: 'Vrije inloop.',
    atOrganisation: 'buurthuis',
  },
  {
    title: 'Voorleesuurtje voor peuters',
    summary: 'Prentenboeken voorlezen, zingen en samen knutselen.',
    body: 'Voor kinderen van twee tot vier jaar, samen met een ouder, opa, oma of oppas. Na het voorlezen is er een kleine knutselactiviteit die past bij het verhaal.',
    themes: ['kinderen-en-jeugd', 'cultuur'],
    weekday: 3,
    start: [14, 0],
    minutes: 45,
    recurrence: 'weekly',
    costCents: null,
    joinInfo: 'Vrije inloop, kom op tijd: we beginnen stipt.',
    atOrganisation: 'bibliotheek',
  },
  {
    title: 'Zwerfafval prikken in {wijk}',
    summary: 'Een uur samen de straat schoonmaken. Grijpers en zakken liggen klaar.',
    body: 'Elke eerste zondag van de maand lopen we met een groep een ronde door de wijk. Na afloop drinken we samen koffie.\n\nDe gemeente haalt de volle zakken dezelfde dag nog op.',
    themes: ['duurzaamheid'],
    weekday: 7,
    start: [11, 0],
    minutes: 60,
    recurrence: 'monthly-weekday',
    costCents: null,
    joinInfo: 'Verzamelen op {plein}.',
    locationText: '{plein}',
  },
  {
    title: 'Kledingruilbeurs',
    summary: 'Breng kleding die je niet meer draagt en neem mee wat je past.',
    body: 'Breng maximaal tien schone kledingstukken mee in goede staat. Je krijgt er muntjes voor, waarmee je andere kleding kunt uitzoeken.\n\nWat overblijft gaat naar de kringloopwinkel.',
    themes: ['duurzaamheid', 'ontmoeting'],
    weekday: 6,
    start: [11, 0],
    minutes: 240,
    recurrence: null,
    inWeeks: 2,
    costCents: null,
    joinInfo: 'Inbrengen van 11.00 tot 13.00 uur, ruilen tot 15.00 uur.',
    atOrganisation: 'buurthuis',
  },
  {
    title: 'Buurtfeest op {plein}',
    summary: 'Muziek, een springkussen, een rommelmarkt en een lange tafel vol eten van buren.',
    body: 'Het jaarlijkse buurtfeest van {wijk}! Overdag is er een rommelmarkt en zijn er spelletjes voor kinderen. Vanaf vijf uur zetten we een lange tafel neer: neem een gerecht mee om te delen.\n\nWil je helpen met opbouwen of een kraam? Laat het ons weten.',
    themes: ['ontmoeting', 'cultuur', 'kinderen-en-jeugd'],
    weekday: 6,
    start: [0, 0],
    minutes: null,
    allDay: true,
    recurrence: null,
    inWeeks: 5,
    costCents: null,
    joinInfo: 'Iedereen is welkom. Een kraam op de rommelmarkt is gratis; meld je vooraf aan.',
    locationText: '{plein}',
  },
  {
    title: 'Workshop: je fiets winterklaar maken',
    summary: 'Leer zelf je verlichting, remmen en ketting na te lopen.',
    body: 'Een fietsenmaker uit de wijk laat zien hoe je de belangrijkste onderhoudsklussen zelf doet. Daarna ga je met je eigen fiets aan de slag.\n\nMaximaal acht deelnemers, zodat er tijd is voor iedereen.',
    themes: ['duurzaamheid', 'sport-en-bewegen'],
    weekday: 6,
    start: [10, 0],
    minutes: 120,
    recurrence: null,
    inWeeks: 3,
    costCents: 500,
    joinInfo: 'Aanmelden via het contactformulier. De bijdrage is voor onderdelen.',
    atOrganisation: 'fietsenmaker',
  },
]

export interface OrganisationText {
  key: string
  title: string
  summary: string
  body: string
  offers: string
  openingHours: string
  website: string | null
  themes: string[]
  /** A business (its products appear in the Etalage). */
  business?: boolean
}

export const ORGANISATIONS: OrganisationText[] = [
  {
    key: 'buurthuis',
    title: '{buurthuis}',
    summary: 'De huiskamer van {wijk}: voor koffie, activiteiten, een vergaderruimte of een luisterend oor.',
    body: '{buurthuis} wordt gerund door vrijwilligers uit de buurt. Je kunt er terecht voor de vaste activiteiten, maar ook om zelf iets te organiseren.\n\nHeb je een idee voor een activiteit? Kom langs en vertel het ons.',
    offers: 'Inloop met koffie, vaste activiteiten, zaalverhuur voor buurtinitiatieven, informatie over de wijk.',
    openingHours: 'Maandag t/m vrijdag 9.00–17.00 uur\nDonderdag ook 18.00–21.00 uur\nZaterdag 10.00–14.00 uur',
    website: 'https://buurthuis.example/{slug}',
    themes: ['ontmoeting'],
  },
  {
    key: 'bibliotheek',
    title: 'Bibliotheekpunt {wijk}',
    summary: 'Boeken lenen, de krant lezen en hulp bij digitale vragen.',
    body: 'Het bibliotheekpunt is klein maar gezellig. Naast boeken en tijdschriften is er een leestafel en een computer die je gratis mag gebruiken.\n\nOp het Digicafé helpen vrijwilligers je met DigiD, de bank-app of het maken van een afspraak online.',
    offers: 'Boeken en tijdschriften, leestafel, Digicafé, voorlezen voor peuters, taalcafé.',
    openingHours: 'Maandag 13.00–17.00 uur\nWoensdag 10.00–17.00 uur\nVrijdag 13.00–20.00 uur',
    website: 'https://bibliotheek.example/{slug}',
    themes: ['cultuur', 'kinderen-en-jeugd'],
  },
  {
    key: 'repair',
    title: 'Stichting Repaircafé {wijk}',
    summary: 'Vrijwilligers die samen met jou spullen repareren.',
    body: 'Ons doel: minder weggooien en meer van elkaar leren. Onze reparateurs zijn buren met verstand van elektronica, textiel, fietsen en meubels.\n\nWe zoeken altijd nieuwe vrijwilligers, ook voor de koffie en de ontvangst.',
    offers: 'Maandelijks repaircafé, reparatie-workshops, uitleen van gereedschap.',
    openingHours: 'Elke eerste zaterdag van de maand 13.00–16.00 uur',
    website: null,
    themes: ['duurzaamheid'],
  },
  {
    key: 'sport',
    title: 'Sportvereniging {wijk} Vooruit',
    summary: 'Voetbal, jeu de boules en walking football voor alle leeftijden.',
    body: 'Al ruim veertig jaar de sportclub van de wijk. Naast de jeugdteams is er walking football voor 55-plussers en een jeu-de-boulesbaan die iedereen mag gebruiken.\n\nEen proeftraining is altijd gratis.',
    offers: 'Jeugd- en seniorenvoetbal, walking football, jeu de boules, kantine.',
    openingHours: 'Trainingen op dinsdag en donderdag vanaf 18.00 uur\nZaterdag wedstrijden vanaf 9.00 uur',
    website: 'https://vooruit.example/{slug}',
    themes: ['sport-en-bewegen', 'kinderen-en-jeugd'],
  },
  {
    key: 'wijkteam',
    title: 'Wijkteam {wijk}',
    summary: 'Voor vragen over zorg, geld, opvoeden of mantelzorg: één plek om te beginnen.',
    body: 'In het wijkteam werken maatschappelijk werkers, een wijkverpleegkundige en een jongerenwerker samen. Je kunt zonder afspraak binnenlopen op het spreekuur.\n\nAlles wat je vertelt blijft binnen het team.',
    offers: 'Spreekuur zonder afspraak, hulp bij formulieren, ondersteuning van mantelzorgers, doorverwijzing.',
    openingHours: 'Spreekuur dinsdag en donderdag 9.00–11.00 uur',
    website: 'https://wijkteam.example/{slug}',
    themes: ['zorg-en-welzijn'],
  },
  {
    key: 'speeltuin',
    title: 'Speeltuinvereniging De Klimboom',
    summary: 'Een omheinde speeltuin met zandbak, waterpomp en een speelhuisje.',
    body: 'De speeltuin wordt onderhouden door ouders uit de buurt. Kinderen tot twaalf jaar spelen er gratis; lid worden steunt het onderhoud.\n\nIn de zomer organiseren we een speeltuinfeest.',
    offers: 'Speeltuin, zomerfeest, verhuur van het speelhuisje voor kinderfeestjes.',
    openingHours: 'April t/m oktober dagelijks 10.00–19.00 uur\nNovember t/m maart woensdag en zaterdag 12.00–17.00 uur',
    website: null,
    themes: ['kinderen-en-jeugd'],
  },
  {
    key: 'kringloop',
    title: 'Kringloopwinkel Tweede Ronde',
    summary: 'Tweedehands meubels, boeken, kleding en huisraad voor weinig geld.',
    body: 'Tweede Ronde is een sociale onderneming: de winkel biedt werkervaringsplekken aan mensen uit de buurt. Spullen brengen kan tijdens openingstijden.\n\nGrote meubels halen we gratis op binnen de wijk.',
    offers: 'Tweedehands spullen, gratis ophaalservice voor meubels, werkervaringsplekken.',
    openingHours: 'Dinsdag t/m zaterdag 10.00–17.00 uur',
    website: 'https://tweederonde.example/{slug}',
    themes: ['duurzaamheid'],
    business: true,
  },
  {
    key: 'bakker',
    title: 'Bakkerij De Korenschoof',
    summary: 'Ambachtelijk brood, gebak en taarten, elke ochtend vers.',
    body: 'Al drie generaties bakken we in de {straat}. Ons zuurdesembrood rijst een hele nacht.\n\nAan het eind van de dag gaat wat over is naar de voedselbank.',
    offers: 'Brood, banket, taarten op bestelling, koffie om mee te nemen.',
    openingHours: 'Dinsdag t/m vrijdag 7.30–17.30 uur\nZaterdag 7.30–16.00 uur',
    website: 'https://korenschoof.example/{slug}',
    themes: [],
    business: true,
  },
  {
    key: 'fietsenmaker',
    title: 'Fietsenmaker Trapvast',
    summary: 'Reparatie, onderhoud en gebruikte fietsen met garantie.',
    body: 'Lekke band? Meestal ben je binnen een half uur weer op weg. We verkopen ook gebruikte fietsen die we zelf hebben nagekeken.',
    offers: 'Reparatie terwijl je wacht, onderhoudsbeurten, gebruikte fietsen, fietsverhuur.',
    openingHours: 'Maandag 13.00–18.00 uur\nDinsdag t/m zaterdag 9.00–18.00 uur',
    website: 'https://trapvast.example/{slug}',
    themes: ['sport-en-bewegen'],
    business: true,
  },
  {
    key: 'bloemist',
    title: 'Bloemenatelier Madelief',
    summary: 'Seizoensbloemen, planten en boeketten, ook bezorgd in de wijk.',
    body: 'Madelief werkt zoveel mogelijk met bloemen van kwekers uit de regio. Voor bruiloften en afscheid maken we werk op maat.',
    offers: 'Boeketten, planten, rouw- en trouwwerk, bezorging in de wijk.',
    openingHours: 'Woensdag t/m zaterdag 9.00–17.30 uur',
    website: null,
    themes: [],
    business: true,
  },
]

export interface PrikbordText {
  type: 'request' | 'offer'
  title: string
  summary: string
  body: string
  category: 'boodschappen' | 'vervoer' | 'klussen' | 'gezelschap' | 'spullen' | 'kennis-en-advies' | 'overig'
  themes: string[]
}

export const PRIKBORD: PrikbordText[] = [
  { type: 'request', title: 'Wie doet wekelijks boodschappen voor mij?', summary: 'Door een gebroken enkel kom ik de deur even niet uit.', body: 'Ik woon aan de {straat} en zoek voor de komende zes weken iemand die één keer per week boodschappen haalt bij de supermarkt om de hoek. Het lijstje en het geld liggen klaar.', category: 'boodschappen', themes: ['burenhulp'] },
  { type: 'request', title: 'Vervoer naar het ziekenhuis gezocht', summary: 'Volgende maand een controle, ik kan zelf niet rijden.', body: 'Wie wil mij op een doordeweekse ochtend naar het ziekenhuis brengen en weer ophalen? Ik betaal de benzine graag.', category: 'vervoer', themes: ['burenhulp', 'zorg-en-welzijn'] },
  { type: 'request', title: 'Hulp bij het ophangen van gordijnrails', summary: 'Ik heb de rails en de boor, maar niet de handigheid.', body: 'In mijn nieuwe woning moeten twee gordijnrails worden opgehangen. Het materiaal is er al. Koffie en appeltaart staan klaar!', category: 'klussen', themes: ['burenhulp'] },
  { type: 'request', title: 'Maatje gezocht voor een wekelijkse wandeling', summary: 'Sinds mijn man overleed wandel ik alleen; samen is leuker.', body: 'Ik ben 74 en loop graag een uurtje door {park}. Wie loopt een keer per week mee? Het tempo is rustig.', category: 'gezelschap', themes: ['ontmoeting', 'burenhulp'] },
  { type: 'request', title: 'Gezocht: kinderfiets maat 20 inch', summary: 'Mijn dochter is uit haar fiets gegroeid.', body: 'Heeft iemand nog een kinderfiets van 20 inch op zolder staan? Een kleine opknapbeurt is geen probleem. Ik betaal er graag een redelijk bedrag voor.', category: 'spullen', themes: ['kinderen-en-jeugd'] },
  { type: 'request', title: 'Wie helpt met mijn belastingaangifte?', summary: 'Ik vind de formulieren lastig en wil geen fouten maken.', body: 'Ik zoek iemand die samen met mij de aangifte inkomstenbelasting wil invullen. Het gaat om een eenvoudige situatie, maar ik wil het goed doen.', category: 'kennis-en-advies', themes: ['burenhulp'] },
  { type: 'request', title: 'Oppas voor de kat tijdens de vakantie', summary: 'Twee weken in de zomer, de kat is erg makkelijk.', body: 'Wie wil twee weken lang één keer per dag eten geven en de kattenbak verschonen? Ik woon aan de {straat}. Natuurlijk doe ik graag iets terug.', category: 'overig', themes: ['burenhulp'] },
  { type: 'request', title: 'Hulp gezocht bij het snoeien van de heg', summary: 'De heg is flink gegroeid en ik kan niet meer op een trap.', body: 'Een haagschaar heb ik, een ladder ook. Ik zoek iemand met twee handige handen voor een zaterdagochtend.', category: 'klussen', themes: ['burenhulp'] },
  { type: 'request', title: 'Wie leert mij videobellen met mijn kleinkinderen?', summary: 'Ik heb een nieuwe tablet maar weet niet hoe het werkt.', body: 'Mijn kleinkinderen wonen ver weg. Ik zou ze graag zien via de tablet. Wie komt een uurtje langs om het uit te leggen?', category: 'kennis-en-advies', themes: ['burenhulp', 'zorg-en-welzijn'] },
  { type: 'offer', title: 'Ik haal graag boodschappen voor je', summary: 'Ik ga toch elke zaterdag naar de markt.', body: 'Heb je moeite met boodschappen doen? Ik neem op zaterdag graag iets voor je mee van de markt of de supermarkt. Even een lijstje doorgeven is genoeg.', category: 'boodschappen', themes: ['burenhulp'] },
  { type: 'offer', title: 'Gratis: kinderboeken en puzzels', summary: 'Een doos vol, voor kinderen van 4 tot 8 jaar.', body: 'Onze kinderen zijn eruit gegroeid. Alles is compleet en netjes. Ophalen aan de {straat}.', category: 'spullen', themes: ['kinderen-en-jeugd'] },
  { type: 'offer', title: 'Klusjes in en om het huis', summary: 'Gepensioneerd timmerman heeft tijd over.', body: 'Een klemmende deur, een lekkende kraan of een plank ophangen: ik help je graag. Je betaalt alleen het materiaal.', category: 'klussen', themes: ['burenhulp'] },
  { type: 'offer', title: 'Rijden naar afspraken', summary: 'Ik heb een auto en doordeweeks tijd.', body: 'Moet je naar de huisarts, het ziekenhuis of de fysiotherapeut en kun je zelf niet rijden? Ik breng je graag. Een rolstoel past in de kofferbak.', category: 'vervoer', themes: ['burenhulp', 'zorg-en-welzijn'] },
  { type: 'offer', title: 'Hulp bij de computer en telefoon', summary: 'Van e-mail tot DigiD: ik leg het rustig uit.', body: 'Ik werk in de ICT en help buren graag met hun computer, tablet of telefoon. Ik kom bij je thuis, op een avond of in het weekend.', category: 'kennis-en-advies', themes: ['burenhulp'] },
  { type: 'offer', title: 'Gezellig een kopje koffie drinken', summary: 'Een praatje maken met een buur die weinig bezoek krijgt.', body: 'Ik ben student en mis mijn opa en oma. Ik kom graag eens per week langs voor koffie en een spelletje of een wandeling.', category: 'gezelschap', themes: ['ontmoeting', 'burenhulp'] },
  { type: 'offer', title: 'Gratis af te halen: stekjes en zaailingen', summary: 'Tomaten, courgettes en vlinderstruiken.', body: 'Ik heb te veel gezaaid! Kom gerust langs om een paar plantjes mee te nemen voor je balkon of tuin.', category: 'spullen', themes: ['duurzaamheid'] },
  { type: 'offer', title: 'Oppassen op kinderen of huisdieren', summary: 'Betrouwbare oppas met ervaring, ook in het weekend.', body: 'Ik ben 19, studeer pedagogiek en heb ervaring met kinderen en huisdieren. Referenties kan ik geven.', category: 'overig', themes: ['kinderen-en-jeugd', 'burenhulp'] },
  { type: 'offer', title: 'Uitlenen: aanhanger en ladder', summary: 'Voor een verhuizing of een klus, zonder kosten.', body: 'Ik heb een kleine aanhanger en een uitschuifbare ladder die vooral stilstaan. Leen ze gerust, als je ze schoon terugbrengt.', category: 'spullen', themes: ['burenhulp', 'duurzaamheid'] },
]

export interface NewsText {
  title: string
  summary: string
  body: string
  themes: string[]
  daysAgo: number
}

export const NEWS: NewsText[] = [
  { title: 'Nieuwe bankjes op {plein}', summary: 'Na een wens van bewoners staan er nu vier nieuwe bankjes.', body: 'Tijdens de bewonersavond vroegen veel mensen om meer zitplekken. De gemeente heeft vier bankjes geplaatst, twee ervan in de schaduw.\n\nDank aan iedereen die meedacht over de plek!', themes: ['ontmoeting'], daysAgo: 2 },
  { title: 'Buurtmoestuin zoekt vrijwilligers', summary: 'Er is plek voor nieuwe tuinders, ook als je weinig tijd hebt.', body: 'De moestuin aan de {straat} groeit. We zoeken mensen die willen helpen met water geven in de zomer. Je kunt een rooster kiezen dat bij je past.', themes: ['duurzaamheid'], daysAgo: 5 },
  { title: 'Zo ging de opschoondag', summary: 'Zestig buren haalden samen 45 zakken afval op.', body: 'Wat een opkomst! Van jong tot oud liepen buren met grijpers door de wijk. Daarna was er soep in {buurthuis}.\n\nDe volgende opschoondag is in het najaar.', themes: ['duurzaamheid'], daysAgo: 9 },
  { title: 'Spreekuur wijkteam op een nieuwe plek', summary: 'Vanaf volgende maand zit het wijkteam in {buurthuis}.', body: 'Het spreekuur verhuist naar {buurthuis}. De tijden blijven hetzelfde: dinsdag en donderdag van 9.00 tot 11.00 uur.', themes: ['zorg-en-welzijn'], daysAgo: 14 },
  { title: 'Speeltuin krijgt een waterpomp', summary: 'Dankzij een buurtbudget kunnen kinderen deze zomer met water spelen.', body: 'Ouders uit de wijk dienden het plan in en kregen genoeg stemmen. De pomp wordt in het voorjaar geplaatst.', themes: ['kinderen-en-jeugd'], daysAgo: 21 },
  { title: 'Bewonersavond over de herinrichting van de {straat}', summary: 'Denk mee over bomen, parkeren en veilige oversteekplaatsen.', body: 'De gemeente wil de {straat} opnieuw inrichten en hoort graag wat bewoners belangrijk vinden. Er zijn tekeningen te zien en je kunt vragen stellen.\n\nDe avond is in {buurthuis}, de koffie staat om half acht klaar.', themes: ['ontmoeting'], daysAgo: 28 },
  { title: 'Vrijwilliger van het jaar', summary: 'Al twintig jaar zet zij de koffie in het buurthuis.', body: 'Tijdens de nieuwjaarsreceptie werd onze vrijwilliger van het jaar in het zonnetje gezet. Zonder haar geen koffieochtend! Dank je wel.', themes: ['ontmoeting'], daysAgo: 40 },
]

export interface ShowcaseText {
  business: string
  title: string
  summary: string
  body: string
  priceCents: number | null
}

export const SHOWCASES: ShowcaseText[] = [
  { business: 'bakker', title: 'Zuurdesembrood van de week', summary: 'Elke week een ander meel: deze week spelt met walnoten.', body: 'Een hele nacht gerezen en in de steenoven gebakken. Bestel vooraf, dan ligt het voor je klaar.', priceCents: 495 },
  { business: 'bakker', title: 'Verjaardagstaart op bestelling', summary: 'Met je eigen tekst, voor 8 tot 12 personen.', body: 'Kies uit aardbei, chocolade of appel-kaneel. Twee dagen van tevoren bestellen.', priceCents: 2450 },
  { business: 'fietsenmaker', title: 'Onderhoudsbeurt voor je fiets', summary: 'Remmen, verlichting, ketting en banden nagelopen.', body: 'Breng je fiets in de ochtend, haal hem aan het eind van de dag weer op. Onderdelen worden apart gerekend.', priceCents: 3950 },
  { business: 'fietsenmaker', title: 'Gebruikte stadsfietsen met garantie', summary: 'Nagekeken en drie maanden garantie.', body: 'Dames- en herenfietsen, met versnellingen en goede verlichting. Elke week nieuw aanbod.', priceCents: 17500 },
  { business: 'kringloop', title: 'Tweedehands eettafel met vier stoelen', summary: 'Massief eiken, in goede staat.', body: 'Een stevige tafel voor een gezin. Bezorgen in de wijk is gratis.', priceCents: 8500 },
  { business: 'kringloop', title: 'Boeken: drie voor vijf euro', summary: 'Romans, kookboeken en kinderboeken.', body: 'Elke week vullen we de boekenkast bij. Zoek uit wat je leuk vindt.', priceCents: 500 },
  { business: 'bloemist', title: 'Boeket van het seizoen', summary: 'Een vrolijk boeket met bloemen van kwekers uit de regio.', body: 'Elke week anders, afhankelijk van wat er bloeit. Ook bezorgd in de wijk.', priceCents: 1750 },
  { business: 'bloemist', title: 'Workshop bloemschikken', summary: 'Maak je eigen krans of boeket onder begeleiding.', body: 'Een avond van twee uur, inclusief bloemen, materialen en koffie. Maximaal tien deelnemers.', priceCents: 3500 },
]

export interface ContactPerson {
  name: string
  phone: string
}

/** Fictional contact persons; their email addresses use the reserved .test domain. */
export const CONTACT_PEOPLE: ContactPerson[] = [
  { name: 'Ria de Groot', phone: '06 1234 5601' },
  { name: 'Mohamed Bakkali', phone: '06 1234 5602' },
  { name: 'Ineke Hoekstra', phone: '06 1234 5603' },
  { name: 'Tom van Dijk', phone: '06 1234 5604' },
  { name: 'Samira Ouali', phone: '06 1234 5605' },
  { name: 'Gerrit Mulder', phone: '06 1234 5606' },
  { name: 'Lotte Smit', phone: '06 1234 5607' },
  { name: 'Kees Bos', phone: '06 1234 5608' },
]
