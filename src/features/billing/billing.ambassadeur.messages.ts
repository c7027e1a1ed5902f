import { defineMessages } from '../../kernel/i18n/define.js'

/** /ambassadeur-worden, the proposed wijk on the admin's pages, the ambassadeur fee and the mails. */
export const billingAmbassadeurMessages = defineMessages({
  'billing.ambassadeur.title': { nl: 'Ambassadeur worden', en: 'Become an ambassadeur' },
  'billing.ambassadeur.description': {
    nl: 'Start met je organisatie een nieuwe wijk op het platform en word er de ambassadeur van.',
    en: 'Start a new wijk on the platform with your organisation and become its ambassadeur.',
  },
  'billing.ambassadeur.intro': {
    nl: 'Staat jouw wijk nog niet op het platform? Een organisatie uit de buurt kan haar starten. Vertel welke wijk je voor ogen hebt en waarom, vul de gegevens van je organisatie in en onderteken de ambassadeursovereenkomst.',
    en: 'Is your wijk not on the platform yet? An organisation from the neighbourhood can start it. Tell us which wijk you have in mind and why, fill in your organisation’s details and sign the ambassadeur agreement.',
  },
  'billing.ambassadeur.steps': {
    nl: 'Keuren we je aanvraag goed, dan maken we de wijk aan, nog niet openbaar, en word jij er ambassadeur van. Je richt haar in met je eigen team en lanceert haar wanneer ze klaar is. Vanaf de goedkeuring geldt de ambassadeursbijdrage.',
    en: 'If we approve your application, we create the wijk, not yet public, and you become its ambassadeur. You set it up with your own team and launch it when it is ready. The ambassadeur fee applies from the approval.',
  },
  'billing.ambassadeur.fee': { nl: 'De ambassadeursbijdrage', en: 'The ambassadeur fee' },
  'billing.ambassadeur.unavailable': {
    nl: 'Op dit moment kun je geen nieuwe wijk aanvragen: de ambassadeursbijdrage is nog niet vastgesteld. Probeer het later nog eens, of neem contact met ons op.',
    en: 'You cannot apply for a new wijk at the moment: the ambassadeur fee has not been set yet. Please try again later, or get in touch with us.',
  },
  'billing.ambassadeur.loginFirst': {
    nl: 'Om een aanvraag te doen heb je een account nodig. Log in, of maak eerst een account aan; daarna kom je hier terug.',
    en: 'You need an account to apply. Log in, or create an account first; you will come back here afterwards.',
  },
  'billing.ambassadeur.login': { nl: 'Inloggen om aan te vragen', en: 'Log in to apply' },
  'billing.ambassadeur.register': { nl: 'Een account aanmaken', en: 'Create an account' },
  'billing.ambassadeur.wijk': { nl: 'De nieuwe wijk', en: 'The new wijk' },
  'billing.ambassadeur.submit': { nl: 'Aanvraag versturen', en: 'Send application' },

  'billing.field.wijkName': { nl: 'Naam van de wijk', en: 'Name of the wijk' },
  'billing.field.wijkName.hint': { nl: 'Zoals bewoners haar noemen. Het adres van de wijksite maken we uit deze naam.', en: 'As residents call it. We make the address of the wijk site from this name.' },
  'billing.field.cityId': { nl: 'Stad of gemeente', en: 'City or municipality' },
  'billing.field.cityId.choose': { nl: 'Kies een stad', en: 'Choose a city' },
  'billing.field.cityId.new': { nl: 'Mijn stad staat er niet bij', en: 'My city is not listed' },
  'billing.field.newCity': { nl: 'Naam van de nieuwe stad', en: 'Name of the new city' },
  'billing.field.newCity.hint': { nl: 'Alleen als je hierboven "Mijn stad staat er niet bij" kiest.', en: 'Only if you chose "My city is not listed" above.' },
  'billing.field.wijkPostcodes': { nl: 'Postcodes van de wijk', en: 'Postcodes of the wijk' },
  'billing.field.wijkPostcodes.hint': {
    nl: 'De vier cijfers van elke postcode in de wijk, gescheiden door een spatie of komma, zoals 1091 1092.',
    en: 'The four digits of each postcode in the wijk, separated by a space or comma, such as 1091 1092.',
  },
  'billing.field.motivation': { nl: 'Waarom wil je deze wijk starten?', en: 'Why do you want to start this wijk?' },
  'billing.field.motivation.hint': {
    nl: 'Wat doet je organisatie in de buurt, en wie helpen je straks? Hoogstens 2000 tekens.',
    en: 'What does your organisation do in the neighbourhood, and who will help you? At most 2000 characters.',
  },
  'billing.field.wijkSlug': { nl: 'Adres van de wijksite', en: 'Address of the wijk site' },
  'billing.field.wijkSlug.hint': { nl: 'Het woord in /<adres>/: kleine letters, cijfers en streepjes.', en: 'The word in /<address>/: lower-case letters, digits and hyphens.' },

  'billing.ambassadeur.agreement': { nl: 'Ambassadeursovereenkomst', en: 'Ambassadeur agreement' },
  'billing.ambassadeur.agreement.intro': {
    nl: 'Met je aanvraag onderteken je de ambassadeursovereenkomst, versie {version}. We bewaren welke versie je ondertekende, wanneer en met welke naam.',
    en: 'With your application you sign the ambassadeur agreement, version {version}. We keep which version you signed, when and with which name.',
  },
  'billing.ambassadeur.agreement.read': { nl: 'Lees de ambassadeursovereenkomst (versie {version})', en: 'Read the ambassadeur agreement (version {version})' },
  'billing.ambassadeur.accept': {
    nl: 'Ik heb de ambassadeursovereenkomst (versie {version}) gelezen en ga er namens mijn organisatie mee akkoord.',
    en: 'I have read the ambassadeur agreement (version {version}) and agree to it on behalf of my organisation.',
  },
  'billing.ambassadeur.error.accept': {
    nl: 'Vink aan dat je de ambassadeursovereenkomst hebt gelezen en ermee akkoord gaat.',
    en: 'Tick that you have read the ambassadeur agreement and agree to it.',
  },
  'billing.ambassadeur.error.agreementChanged': {
    nl: 'Terwijl je dit formulier invulde, verscheen versie {version} van de ambassadeursovereenkomst. Lees die en vink opnieuw aan.',
    en: 'While you were filling in this form, version {version} of the ambassadeur agreement was published. Please read it and tick again.',
  },
  'billing.ambassadeur.error.city': { nl: 'Kies je stad in de lijst, of kies "Mijn stad staat er niet bij".', en: 'Choose your city from the list, or choose "My city is not listed".' },
  'billing.ambassadeur.error.newCity': { nl: 'Vul de naam van je stad in.', en: 'Enter the name of your city.' },
  'billing.ambassadeur.error.cityExists': {
    nl: 'Deze naam is al in gebruik op het platform. Staat je stad in de lijst, kies haar daar.',
    en: 'This name is already in use on the platform. If your city is in the list, choose it there.',
  },
  'billing.ambassadeur.error.postcodes': { nl: 'Vul ten minste één postcode van vier cijfers in.', en: 'Enter at least one four-digit postcode.' },
  'billing.ambassadeur.error.wijkName': { nl: 'Gebruik in de naam ook letters of cijfers.', en: 'Use letters or digits in the name too.' },
  'billing.ambassadeur.error.wijkTaken': {
    nl: 'Er is al een wijk of stad met deze naam of dit adres. Kies een naam die de wijk van andere onderscheidt, zoals met de stad erbij.',
    en: 'There already is a wijk or city with this name or address. Choose a name that tells the wijk apart, such as with the city added.',
  },
  'billing.ambassadeur.error.applicant': {
    nl: 'Het account van de aanvrager is niet meer actief: deze aanvraag kan alleen nog worden afgewezen.',
    en: 'The applicant’s account is no longer active: this application can only be declined.',
  },

  // The admin's pages
  'billing.applications.kind': { nl: 'Soort', en: 'Kind' },
  'billing.applications.kind.package': { nl: 'Pakket', en: 'Package' },
  'billing.applications.kind.ambassadeur': { nl: 'Ambassadeur, nieuwe wijk', en: 'Ambassadeur, new wijk' },
  'billing.applications.wijkProposed': { nl: 'Voorgestelde wijk', en: 'Proposed wijk' },
  'billing.applications.newCity': { nl: '{name} (nieuwe stad, wordt aangemaakt)', en: '{name} (new city, will be created)' },
  'billing.applications.wijkCreated': { nl: 'Aangemaakte wijk', en: 'Created wijk' },
  'billing.applications.approveWijk.hint': {
    nl: 'Goedkeuren maakt de wijk aan, nog niet openbaar, met deze naam en dit adres (pas ze zo nodig aan), maakt de aanvrager er ambassadeur van, start de ambassadeursbijdrage en mailt de aanvrager.',
    en: 'Approving creates the wijk, not yet public, with this name and address (adjust them if needed), makes the applicant its ambassadeur, starts the ambassadeur fee and emails the applicant.',
  },

  // The admin's package form
  'billing.field.ambassadeurFee': { nl: 'Dit is de ambassadeursbijdrage', en: 'This is the ambassadeur fee' },
  'billing.field.ambassadeurFee.hint': {
    nl: 'Wie via /ambassadeur-worden een wijk start, krijgt dit pakket; het staat niet op /pakketten. Eén pakket tegelijk: aanvinken haalt het vinkje bij een ander pakket weg.',
    en: 'Whoever starts a wijk through /ambassadeur-worden gets this package; it is not on /pakketten. One package at a time: ticking it here unticks it on any other package.',
  },
  'billing.admin.ambassadeurFee': { nl: 'Ambassadeursbijdrage', en: 'Ambassadeur fee' },

  // Mails
  'billing.mail.ambassadeur.approved.subject': { nl: 'Je bent ambassadeur van {wijk}', en: 'You are the ambassadeur of {wijk}' },
  'billing.mail.ambassadeur.approved.body': {
    nl: 'We hebben de aanvraag van {organisation} goedgekeurd. De wijk {wijk} is aangemaakt en jij bent er ambassadeur van. Ze is nog niet openbaar: alleen jij, je wijkbeheerders en wij zien haar.',
    en: 'We have approved the application of {organisation}. The wijk {wijk} has been created and you are its ambassadeur. It is not public yet: only you, your wijkbeheerders and we can see it.',
  },
  'billing.mail.ambassadeur.approved.launch': {
    nl: 'Richt de wijk in en lanceer haar wanneer ze klaar is, met de knop op haar pagina in beheer.',
    en: 'Set the wijk up and launch it when it is ready, with the button on its page in beheer.',
  },
  'billing.mail.ambassadeur.approved.fee': { nl: 'De ambassadeursbijdrage loopt vanaf {start}.', en: 'The ambassadeur fee runs from {start}.' },
  'billing.mail.ambassadeur.toWijk': { nl: 'Naar je wijk in beheer', en: 'To your wijk in beheer' },
  'billing.mail.ambassadeur.declined.subject': { nl: 'Je aanvraag voor de wijk {wijk} is afgewezen', en: 'Your application for the wijk {wijk} has been declined' },
  'billing.mail.ambassadeur.declined.body': {
    nl: 'We hebben de aanvraag van {organisation} om de wijk {wijk} te starten bekeken en afgewezen.',
    en: 'We have reviewed the application of {organisation} to start the wijk {wijk}, and declined it.',
  },
  'billing.mail.ambassadeur.toApply': { nl: 'Naar Ambassadeur worden', en: 'To Become an ambassadeur' },

  'flash.billing.ambassadeurApplied': {
    nl: 'Je aanvraag voor een nieuwe wijk is verstuurd. We mailen je zodra we haar hebben bekeken.',
    en: 'Your application for a new wijk has been sent. We will email you once we have reviewed it.',
  },
})
