import { defineMessages } from '../../kernel/i18n/define.js'

/** Second factor: setup on Mijn gegevens, the second step of logging in, banners and mails. */
export const twoFactorMessages = defineMessages({
  'twoFactor.title': { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  'twoFactor.intro': {
    nl: 'Met een tweede stap bij het inloggen is een gestolen wachtwoord alleen niet genoeg. Kies een authenticator-app (een code van zes cijfers) of een passkey (je telefoon, computer of beveiligingssleutel).',
    en: 'With a second step at login, a stolen password alone is not enough. Choose an authenticator app (a six-digit code) or a passkey (your phone, computer or security key).',
  },
  'twoFactor.link': { nl: 'Tweestapsverificatie instellen of wijzigen', en: 'Set up or change two-step verification' },
  'twoFactor.status.on': { nl: 'Tweestapsverificatie staat aan.', en: 'Two-step verification is on.' },
  'twoFactor.status.off': { nl: 'Tweestapsverificatie staat uit.', en: 'Two-step verification is off.' },
  'twoFactor.required.grace': {
    nl: 'Voor je rol is tweestapsverificatie verplicht. Stel het in vóór {date} (nog {days, plural, one {# dag} other {# dagen}}); daarna werken de beheerfuncties van je rol pas weer als het aan staat.',
    en: 'Your role requires two-step verification. Set it up before {date} ({days, plural, one {# day} other {# days}} left); after that your role’s management functions only work again once it is on.',
  },
  'twoFactor.required.withheld': {
    nl: 'Voor je rol is tweestapsverificatie verplicht en de termijn is voorbij. Je beheerfuncties werken weer zodra je hieronder een authenticator-app of passkey instelt.',
    en: 'Your role requires two-step verification and the period has ended. Your management functions work again as soon as you set up an authenticator app or passkey below.',
  },
  'twoFactor.banner.grace': {
    nl: 'Je rol vraagt om tweestapsverificatie: nog {days, plural, one {# dag} other {# dagen}} om het in te stellen.',
    en: 'Your role requires two-step verification: {days, plural, one {# day} other {# days}} left to set it up.',
  },
  'twoFactor.banner.withheld': {
    nl: 'Je beheerfuncties zijn uitgeschakeld tot je tweestapsverificatie instelt.',
    en: 'Your management functions are switched off until you set up two-step verification.',
  },
  'twoFactor.banner.action': { nl: 'Nu instellen', en: 'Set it up now' },

  // The authenticator app
  'twoFactor.app.title': { nl: 'Authenticator-app', en: 'Authenticator app' },
  'twoFactor.app.on': { nl: 'Aan sinds {date}.', en: 'On since {date}.' },
  'twoFactor.app.lastUsed': { nl: 'Laatst gebruikt: {date}.', en: 'Last used: {date}.' },
  'twoFactor.app.off': {
    nl: 'Niet ingesteld. Elke authenticator-app werkt, bijvoorbeeld die van je wachtwoordbeheerder.',
    en: 'Not set up. Any authenticator app works, for instance the one in your password manager.',
  },
  'twoFactor.app.start': { nl: 'Authenticator-app instellen', en: 'Set up an authenticator app' },
  'twoFactor.app.disable': { nl: 'Authenticator-app uitzetten', en: 'Turn off the authenticator app' },
  'twoFactor.enrol.title': { nl: 'Authenticator-app koppelen', en: 'Link an authenticator app' },
  'twoFactor.enrol.step1': {
    nl: 'Scan de QR-code met je authenticator-app, of typ de sleutel hieronder over.',
    en: 'Scan the QR code with your authenticator app, or type in the key below.',
  },
  'twoFactor.enrol.qrLabel': { nl: 'QR-code om WijkConnect aan je authenticator-app toe te voegen', en: 'QR code to add WijkConnect to your authenticator app' },
  'twoFactor.enrol.secret': { nl: 'Sleutel (om over te typen)', en: 'Key (to type in)' },
  'twoFactor.enrol.step2': { nl: 'Typ daarna de code van zes cijfers die de app toont. Pas dan staat de app aan.', en: 'Then type the six-digit code the app shows. Only then is the app turned on.' },
  'twoFactor.enrol.submit': { nl: 'Bevestigen', en: 'Confirm' },
  'twoFactor.enrol.cancel': { nl: 'Terug zonder koppelen', en: 'Back without linking' },
  'twoFactor.field.code': { nl: 'Code van zes cijfers', en: 'Six-digit code' },
  'twoFactor.field.code.invalid': {
    nl: 'Deze code klopt niet. Controleer of de tijd op je telefoon goed staat en typ de nieuwste code.',
    en: 'This code is not right. Check that your phone’s clock is correct and type the newest code.',
  },

  // Recovery codes
  'twoFactor.recovery.title': { nl: 'Herstelcodes', en: 'Recovery codes' },
  'twoFactor.recovery.intro': {
    nl: 'Met een herstelcode kom je binnen als je je telefoon of passkey kwijt bent. Elke code werkt één keer.',
    en: 'A recovery code lets you in when you lose your phone or passkey. Each code works once.',
  },
  'twoFactor.recovery.count': { nl: '{unused} van de {total, plural, one {# code} other {# codes}} nog niet gebruikt (gemaakt op {date}).', en: '{unused} of {total, plural, one {# code} other {# codes}} not used yet (made on {date}).' },
  'twoFactor.recovery.none': { nl: 'Je hebt geen herstelcodes. Maak ze nu, zodat je niet buitengesloten raakt.', en: 'You have no recovery codes. Make them now so you cannot be locked out.' },
  'twoFactor.recovery.needFactor': { nl: 'Herstelcodes komen er zodra een authenticator-app of passkey aan staat.', en: 'Recovery codes come once an authenticator app or passkey is on.' },
  'twoFactor.recovery.regenerate': { nl: 'Nieuwe herstelcodes maken', en: 'Make new recovery codes' },
  'twoFactor.recovery.regenerate.hint': { nl: 'De oude codes werken daarna niet meer.', en: 'The old codes stop working.' },
  'twoFactor.codes.title': { nl: 'Je herstelcodes', en: 'Your recovery codes' },
  'twoFactor.codes.once': {
    nl: 'Bewaar deze tien codes nu op een veilige plek (afdrukken, of in je wachtwoordbeheerder). We tonen ze maar één keer: we bewaren alleen een onleesbare versie.',
    en: 'Keep these ten codes somewhere safe now (print them, or in your password manager). We show them only once: we keep only an unreadable version.',
  },
  'twoFactor.codes.done': { nl: 'Ik heb ze bewaard', en: 'I have kept them' },
  'twoFactor.appEnabledKeptCodes': { nl: 'De authenticator-app staat aan. Je bestaande herstelcodes blijven geldig.', en: 'The authenticator app is on. Your existing recovery codes stay valid.' },

  // Passkeys
  'twoFactor.passkeys.title': { nl: 'Passkeys', en: 'Passkeys' },
  'twoFactor.passkeys.intro': {
    nl: 'Een passkey is de makkelijkste tweede stap: je bevestigt met je vingerafdruk, gezicht, pincode of beveiligingssleutel. Er gaat geen geheim naar ons toe, alleen een openbare sleutel.',
    en: 'A passkey is the easiest second step: you confirm with your fingerprint, face, PIN or security key. No secret is sent to us, only a public key.',
  },
  'twoFactor.passkeys.none': { nl: 'Nog geen passkeys.', en: 'No passkeys yet.' },
  'twoFactor.passkeys.caption': { nl: 'Je passkeys', en: 'Your passkeys' },
  'twoFactor.passkeys.name': { nl: 'Naam', en: 'Name' },
  'twoFactor.passkeys.created': { nl: 'Toegevoegd', en: 'Added' },
  'twoFactor.passkeys.lastUsed': { nl: 'Laatst gebruikt', en: 'Last used' },
  'twoFactor.passkeys.never': { nl: 'nog niet', en: 'not yet' },
  'twoFactor.passkeys.remove': { nl: 'Verwijderen', en: 'Remove' },
  'twoFactor.passkeys.removeNamed': { nl: 'Passkey “{name}” verwijderen', en: 'Remove passkey “{name}”' },
  'twoFactor.passkeys.add': { nl: 'Passkey toevoegen', en: 'Add a passkey' },
  'twoFactor.field.passkeyName': { nl: 'Naam van de passkey', en: 'Name of the passkey' },
  'twoFactor.field.passkeyName.hint': { nl: 'Zodat je hem later herkent, bijvoorbeeld “Telefoon” of “Werklaptop”.', en: 'So you recognise it later, for instance “Phone” or “Work laptop”.' },
  'twoFactor.passkeys.needsScript': {
    nl: 'Een passkey toevoegen of gebruiken kan alleen in een browser met JavaScript en passkey-ondersteuning. De authenticator-app werkt overal.',
    en: 'Adding or using a passkey needs a browser with JavaScript and passkey support. The authenticator app works everywhere.',
  },
  'twoFactor.passkeys.failed': { nl: 'De passkey is niet toegevoegd. Probeer het opnieuw.', en: 'The passkey was not added. Please try again.' },
  'twoFactor.passkeys.tooMany': { nl: 'Je hebt het maximum van tien passkeys. Verwijder er eerst een.', en: 'You have the maximum of ten passkeys. Remove one first.' },
  'twoFactor.passkeys.busy': { nl: 'Even geduld: volg de aanwijzingen van je browser.', en: 'One moment: follow your browser’s instructions.' },

  'twoFactor.field.password': { nl: 'Je huidige wachtwoord', en: 'Your current password' },
  'twoFactor.field.password.hint': { nl: 'Ter bevestiging dat jij het bent.', en: 'To confirm that it is you.' },
  'twoFactor.field.password.wrong': { nl: 'Dit wachtwoord klopt niet.', en: 'This password is not right.' },
  'twoFactor.limited': { nl: 'Te veel pogingen. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.', en: 'Too many attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.' },

  // The second step of logging in
  'twoFactor.step.title': { nl: 'Tweede stap van inloggen', en: 'Second step of logging in' },
  'twoFactor.step.intro': { nl: 'Je wachtwoord klopt. Bevestig nu dat jij het bent.', en: 'Your password is correct. Now confirm that it is you.' },
  'twoFactor.step.passkey': { nl: 'Inloggen met een passkey', en: 'Log in with a passkey' },
  'twoFactor.step.orCode': { nl: 'Of typ een code', en: 'Or type a code' },
  'twoFactor.step.field': { nl: 'Code uit je authenticator-app, of een herstelcode', en: 'Code from your authenticator app, or a recovery code' },
  'twoFactor.step.fieldRecovery': { nl: 'Herstelcode', en: 'Recovery code' },
  'twoFactor.step.field.hint': { nl: 'Zes cijfers uit de app, of een herstelcode als xxxx-xxxx-xxxx-xxxx.', en: 'Six digits from the app, or a recovery code like xxxx-xxxx-xxxx-xxxx.' },
  'twoFactor.step.submit': { nl: 'Inloggen', en: 'Log in' },
  'twoFactor.step.invalid': {
    nl: 'Deze code klopt niet of is al gebruikt. Elke code werkt één keer; wacht op de volgende code in je app.',
    en: 'This code is not right or has already been used. Each code works once; wait for the next code in your app.',
  },
  'twoFactor.step.passkeyFailed': { nl: 'Inloggen met de passkey lukte niet. Probeer het opnieuw of typ een code.', en: 'Logging in with the passkey did not work. Try again or type a code.' },
  'twoFactor.step.limited': { nl: 'Te veel verkeerde codes. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.', en: 'Too many wrong codes. Try again in {minutes, plural, one {# minute} other {# minutes}}.' },
  'twoFactor.step.lost': {
    nl: 'Geen toegang meer tot je app, passkey en herstelcodes? Neem contact op met de beheerder van het platform ({email}).',
    en: 'No access to your app, passkey and recovery codes any more? Contact the platform’s operator ({email}).',
  },
  'flash.twoFactor.pendingExpired': { nl: 'De tweede stap duurde te lang. Log opnieuw in.', en: 'The second step took too long. Please log in again.' },
  'flash.twoFactor.appEnabled': { nl: 'De authenticator-app staat aan.', en: 'The authenticator app is on.' },
  'flash.twoFactor.appDisabled': { nl: 'De authenticator-app staat uit.', en: 'The authenticator app is off.' },
  'flash.twoFactor.passkeyAdded': { nl: 'De passkey is toegevoegd.', en: 'The passkey was added.' },
  'flash.twoFactor.passkeyRemoved': { nl: 'De passkey is verwijderd.', en: 'The passkey was removed.' },
  'flash.twoFactor.recoveryUsed': {
    nl: 'Je bent ingelogd met een herstelcode. Die werkt niet nog eens; maak nieuwe codes als je er weinig over hebt.',
    en: 'You logged in with a recovery code. It will not work again; make new codes if you have few left.',
  },

  // Mijn gegevens and the export
  'twoFactor.myData.title': { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  'twoFactor.myData.app': { nl: 'Authenticator-app: aan sinds {date}', en: 'Authenticator app: on since {date}' },
  'twoFactor.myData.passkey': { nl: 'Passkey “{name}”: toegevoegd {date}', en: 'Passkey “{name}”: added {date}' },
  'twoFactor.myData.codes': { nl: 'Ongebruikte herstelcodes: {unused} van {total}', en: 'Unused recovery codes: {unused} of {total}' },
  'twoFactor.myData.use': {
    nl: 'Alleen gebruikt om te controleren dat jij het bent bij het inloggen. De geheime sleutel van je app bewaren we versleuteld; van herstelcodes alleen een onleesbare versie; van passkeys alleen de openbare sleutel.',
    en: 'Only used to check it is you when you log in. We keep your app’s secret key encrypted; of recovery codes only an unreadable version; of passkeys only the public key.',
  },

  // Mails
  'twoFactor.mail.footer': { nl: 'Je krijgt deze mail omdat de beveiliging van je account bij {site} veranderde.', en: 'You receive this mail because the security of your account at {site} changed.' },
  'twoFactor.mail.change.subject': { nl: 'De tweestapsverificatie van je account is gewijzigd', en: 'The two-step verification of your account changed' },
  'twoFactor.mail.change.body': { nl: '{what} ({when})', en: '{what} ({when})' },
  'twoFactor.mail.change.notYou': {
    nl: 'Was jij dit niet? Wijzig dan meteen je wachtwoord en neem contact met ons op.',
    en: 'Was this not you? Change your password at once and contact us.',
  },
  'twoFactor.mail.change.action': { nl: 'Bekijk je tweestapsverificatie', en: 'View your two-step verification' },
  'twoFactor.mail.change.totpEnable': { nl: 'Er is een authenticator-app aan je account gekoppeld.', en: 'An authenticator app was linked to your account.' },
  'twoFactor.mail.change.totpDisable': { nl: 'De authenticator-app is van je account losgekoppeld.', en: 'The authenticator app was unlinked from your account.' },
  'twoFactor.mail.change.passkeyAdd': { nl: 'De passkey “{name}” is aan je account toegevoegd.', en: 'The passkey “{name}” was added to your account.' },
  'twoFactor.mail.change.passkeyRemove': { nl: 'De passkey “{name}” is van je account verwijderd.', en: 'The passkey “{name}” was removed from your account.' },
  'twoFactor.mail.change.recoveryRegenerate': { nl: 'Er zijn nieuwe herstelcodes gemaakt; de oude werken niet meer.', en: 'New recovery codes were made; the old ones no longer work.' },
  'twoFactor.mail.change.recoveryUse': { nl: 'Er is ingelogd met een herstelcode. Herstelcodes over: {count}.', en: 'Someone logged in with a recovery code. Recovery codes left: {count}.' },
  'twoFactor.mail.change.reset': {
    nl: 'De beheerder van het platform heeft op verzoek al je tweede factoren verwijderd en je overal uitgelogd. Log in met je wachtwoord en stel tweestapsverificatie opnieuw in.',
    en: 'At your request, the platform’s operator removed all your second factors and logged you out everywhere. Log in with your password and set up two-step verification again.',
  },
  'twoFactor.mail.reminder.subject': { nl: 'Nog {days, plural, one {# dag} other {# dagen}} om tweestapsverificatie in te stellen', en: '{days, plural, one {# day} other {# days}} left to set up two-step verification' },
  'twoFactor.mail.reminder.subjectWithheld': { nl: 'Stel tweestapsverificatie in om je rol weer te gebruiken', en: 'Set up two-step verification to use your role again' },
  'twoFactor.mail.reminder.body': {
    nl: 'Voor je rol op het platform is tweestapsverificatie verplicht. Je hebt nog {days, plural, one {# dag} other {# dagen}} om het in te stellen; daarna werken je beheerfuncties pas weer als het aan staat.',
    en: 'Your role on the platform requires two-step verification. You have {days, plural, one {# day} other {# days}} left to set it up; after that your management functions only work again once it is on.',
  },
  'twoFactor.mail.reminder.bodyWithheld': {
    nl: 'Voor je rol op het platform is tweestapsverificatie verplicht en de termijn is voorbij. Je beheerfuncties werken weer zodra je het instelt.',
    en: 'Your role on the platform requires two-step verification and the period has ended. Your management functions work again as soon as you set it up.',
  },
  'twoFactor.mail.reminder.how': {
    nl: 'Het kost een paar minuten: koppel een authenticator-app of voeg een passkey toe.',
    en: 'It takes a few minutes: link an authenticator app or add a passkey.',
  },
  'twoFactor.mail.reminder.action': { nl: 'Tweestapsverificatie instellen', en: 'Set up two-step verification' },
})
