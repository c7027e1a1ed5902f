import { defineMessages } from '../../kernel/i18n/define.js'

/** Sign-up, login, password reset, email changes and "Mijn gegevens", with their mails. */
export const accountsMessages = defineMessages({
  // Fields, each with where it is used and who sees it (P27).
  'accounts.field.email': { nl: 'E-mailadres', en: 'Email address' },
  'accounts.field.email.hint': {
    nl: 'Hiermee log je in en hierheen sturen we links om je account te beheren. Het wordt nergens openbaar getoond; alleen de wijkbeheerder van je wijk kan het zien, om je te kunnen helpen.',
    en: 'You log in with it and we send links to manage your account to it. It is never shown publicly; only the manager of your neighbourhood can see it, to be able to help you.',
  },
  'accounts.field.password': { nl: 'Wachtwoord', en: 'Password' },
  'accounts.field.password.hint': {
    nl: 'Minstens 8 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden. We bewaren alleen een onleesbare versie (hash).',
    en: 'At least 8 characters. A sentence of a few words is strong and easy to remember. We only store an unreadable version (a hash).',
  },
  'accounts.field.passwordRepeat': { nl: 'Herhaal het wachtwoord', en: 'Repeat the password' },
  'accounts.field.firstName': { nl: 'Voornaam', en: 'First name' },
  'accounts.field.firstName.hint': {
    nl: 'Je voornaam gebruiken we om je aan te spreken in mail; hij wordt nergens openbaar getoond. Alleen de wijkbeheerder van je wijk kan hem zien.',
    en: 'We use your first name to address you in mail; it is never shown publicly. Only the manager of your neighbourhood can see it.',
  },
  'accounts.field.lastName': { nl: 'Achternaam', en: 'Last name' },
  'accounts.field.lastName.hint': {
    nl: 'Niet nodig. Alleen de wijkbeheerder van je wijk kan hem zien, bijvoorbeeld om je te helpen; hij wordt nergens openbaar getoond.',
    en: 'Not needed. Only the neighbourhood manager of your wijk can see it, for instance to help you; it is never shown publicly.',
  },
  'accounts.field.homeWijk': { nl: 'Je wijk', en: 'Your neighbourhood' },
  'accounts.field.homeWijk.hint': {
    nl: 'De wijk waar je woont of actief bent. Zo weet de wijkbeheerder van die wijk dat je er bij hoort; het wordt nergens openbaar getoond.',
    en: 'The neighbourhood where you live or are active. This tells its neighbourhood manager that you belong there; it is never shown publicly.',
  },
  'accounts.field.newsletter': { nl: 'Stuur mij de nieuwsbrief van mijn wijk', en: 'Send me the newsletter of my neighbourhood' },
  'accounts.field.newsletter.hint': {
    nl: 'Komt op het e-mailadres hierboven, nadat je het hebt bevestigd. Afmelden kan met één klik in elke nieuwsbrief of op Mijn gegevens.',
    en: 'Sent to the email address above, once you have confirmed it. Unsubscribe with one click in every newsletter or on My data.',
  },
  'accounts.field.homeWijk.choose': { nl: 'Kies je wijk', en: 'Choose your neighbourhood' },
  'accounts.field.homeWijk.none': { nl: 'Geen wijk', en: 'No neighbourhood' },
  'accounts.field.homeWijk.required': { nl: 'Kies je wijk.', en: 'Choose your neighbourhood.' },
  'accounts.field.homeWijk.unknown': { nl: 'Deze wijk bestaat niet (meer). Kies een andere.', en: 'This neighbourhood does not exist (anymore). Choose another one.' },
  'accounts.field.lang': { nl: 'Taal', en: 'Language' },
  'accounts.field.lang.hint': {
    nl: 'De taal van de website en van de mail die we je sturen.',
    en: 'The language of the website and of the mail we send you.',
  },
  'accounts.lang.nl': { nl: 'Nederlands', en: 'Nederlands (Dutch)' },
  'accounts.lang.en': { nl: 'English (Engels)', en: 'English' },
  'accounts.field.acceptTerms': { nl: 'Ik ga akkoord met de', en: 'I agree to the' },
  'accounts.field.acceptTerms.link': { nl: 'gebruiksvoorwaarden', en: 'terms of use' },
  'accounts.field.acceptPrivacy': { nl: 'Ik heb de', en: 'I have read and accept the' },
  'accounts.field.acceptPrivacy.link': { nl: 'privacyverklaring', en: 'privacy statement' },
  'accounts.field.acceptPrivacy.after': { nl: 'gelezen en ga ermee akkoord', en: '' },
  'accounts.field.currentPassword': { nl: 'Je huidige wachtwoord', en: 'Your current password' },
  'accounts.field.currentPassword.hint': {
    nl: 'Zo weten we zeker dat jij het bent.',
    en: 'So we know for sure that it is you.',
  },
  'accounts.field.newPassword': { nl: 'Nieuw wachtwoord', en: 'New password' },
  'accounts.field.newPasswordRepeat': { nl: 'Herhaal het nieuwe wachtwoord', en: 'Repeat the new password' },
  'accounts.field.newEmail': { nl: 'Nieuw e-mailadres', en: 'New email address' },
  'accounts.field.newEmail.hint': {
    nl: 'We sturen een bevestigingslink naar het nieuwe adres. Pas als je die opent, gaat je account het nieuwe adres gebruiken.',
    en: 'We send a confirmation link to the new address. Only when you open it does your account switch to the new address.',
  },

  'accounts.opensNewTab': { nl: '(opent in een nieuw tabblad)', en: '(opens in a new tab)' },

  // Password policy.
  'accounts.password.common': {
    nl: 'Dit wachtwoord wordt heel vaak gebruikt en is daardoor makkelijk te raden. Kies een ander.',
    en: 'This password is very common and therefore easy to guess. Please choose another one.',
  },
  'accounts.password.personal': {
    nl: 'Gebruik niet je e-mailadres of je naam in je wachtwoord.',
    en: 'Do not use your email address or your name in your password.',
  },
  'accounts.password.mismatch': { nl: 'De twee wachtwoorden zijn niet hetzelfde.', en: 'The two passwords are not the same.' },
  'accounts.password.wrongCurrent': { nl: 'Dit is niet je huidige wachtwoord.', en: 'This is not your current password.' },

  // Sign-up.
  'accounts.signup.title': { nl: 'Account maken', en: 'Create an account' },
  'accounts.signup.intro': {
    nl: 'Met een account kun je zelf berichten plaatsen en beheren. We vragen alleen wat we echt nodig hebben; niets hiervan is openbaar.',
    en: 'With an account you can place and manage content yourself. We only ask for what we really need; none of it is public.',
  },
  'accounts.signup.submit': { nl: 'Account maken', en: 'Create account' },
  'accounts.signup.haveAccount': { nl: 'Heb je al een account?', en: 'Already have an account?' },
  'accounts.signup.consentLegend': { nl: 'Toestemming', en: 'Consent' },
  'accounts.signup.rateLimited': {
    nl: 'Er zijn vanaf deze verbinding te veel accounts aangevraagd. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.',
    en: 'Too many accounts were requested from this connection. Please try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  'accounts.checkMail.title': { nl: 'Kijk in je mailbox', en: 'Check your mailbox' },
  'accounts.checkMail.signup': {
    nl: 'We hebben een mail gestuurd naar het adres dat je invulde. Open de link in die mail om je account te bevestigen. De link werkt 48 uur.',
    en: 'We have sent a mail to the address you entered. Open the link in that mail to confirm your account. The link works for 48 hours.',
  },
  'accounts.checkMail.resend': {
    nl: 'Als er bij dit adres een account hoort dat nog niet bevestigd is, hebben we een nieuwe bevestigingslink gestuurd. De link werkt 48 uur.',
    en: 'If this address belongs to an account that has not been confirmed yet, we have sent a new confirmation link. The link works for 48 hours.',
  },
  'accounts.checkMail.reset': {
    nl: 'Als er bij dit adres een account hoort, hebben we een mail gestuurd met een link om een nieuw wachtwoord te kiezen. De link werkt 30 minuten.',
    en: 'If this address belongs to an account, we have sent a mail with a link to choose a new password. The link works for 30 minutes.',
  },
  'accounts.checkMail.noMail': {
    nl: 'Niets ontvangen? Kijk ook in je map met ongewenste mail, of vraag een nieuwe link aan.',
    en: 'Nothing received? Also check your spam folder, or request a new link.',
  },

  // Email verification.
  'accounts.verify.invalidTitle': { nl: 'Deze link werkt niet meer', en: 'This link no longer works' },
  'accounts.verify.invalid': {
    nl: 'De bevestigingslink is verlopen, al gebruikt of niet compleet. Vul je e-mailadres in, dan sturen we een nieuwe.',
    en: 'The confirmation link has expired, has already been used or is incomplete. Enter your email address and we will send a new one.',
  },
  'accounts.verify.alreadyTitle': { nl: 'Je e-mailadres is al bevestigd', en: 'Your email address is already confirmed' },
  'accounts.verify.already': {
    nl: 'Deze link is al gebruikt en je e-mailadres is bevestigd. Je kunt inloggen.',
    en: 'This link has already been used and your email address is confirmed. You can log in.',
  },
  'accounts.verify.resendTitle': { nl: 'Nieuwe bevestigingslink', en: 'New confirmation link' },
  'accounts.verify.resendIntro': {
    nl: 'Vul het e-mailadres van je account in. Als het nog niet bevestigd is, sturen we een nieuwe bevestigingslink.',
    en: 'Enter the email address of your account. If it has not been confirmed yet, we will send a new confirmation link.',
  },
  'accounts.verify.resendSubmit': { nl: 'Stuur een nieuwe link', en: 'Send a new link' },
  'accounts.verify.rateLimited': {
    nl: 'Er zijn te veel links aangevraagd. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.',
    en: 'Too many links were requested. Please try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },

  // Login.
  'accounts.login.title': { nl: 'Inloggen', en: 'Log in' },
  'accounts.login.submit': { nl: 'Inloggen', en: 'Log in' },
  'accounts.login.failed': {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The email address or the password is not correct.',
  },
  'accounts.login.unverified': {
    nl: 'Je moet je e-mailadres nog bevestigen met de link die we je stuurden. Geen mail gekregen? Vraag hieronder een nieuwe link aan.',
    en: 'You still need to confirm your email address with the link we sent you. No mail? Request a new link below.',
  },
  'accounts.login.rateLimited': {
    nl: 'Te veel mislukte pogingen om in te loggen. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw, of kies een nieuw wachtwoord.',
    en: 'Too many failed attempts to log in. Please try again in {minutes, plural, one {# minute} other {# minutes}}, or choose a new password.',
  },
  'accounts.login.forgot': { nl: 'Wachtwoord vergeten?', en: 'Forgot your password?' },
  'accounts.login.noAccount': { nl: 'Nog geen account?', en: 'No account yet?' },

  // Password reset.
  'accounts.forgot.title': { nl: 'Wachtwoord vergeten', en: 'Forgot your password' },
  'accounts.forgot.intro': {
    nl: 'Vul het e-mailadres van je account in. We sturen je een link waarmee je een nieuw wachtwoord kiest.',
    en: 'Enter the email address of your account. We will send you a link to choose a new password.',
  },
  'accounts.forgot.submit': { nl: 'Stuur de link', en: 'Send the link' },
  'accounts.forgot.rateLimited': {
    nl: 'Er zijn te veel links aangevraagd. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.',
    en: 'Too many links were requested. Please try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  'accounts.reset.title': { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'accounts.reset.intro': {
    nl: 'Kies een nieuw wachtwoord. Daarna word je op al je apparaten uitgelogd en log je opnieuw in.',
    en: 'Choose a new password. After that you are logged out on all your devices and log in again.',
  },
  'accounts.reset.submit': { nl: 'Wachtwoord opslaan', en: 'Save password' },
  'accounts.reset.invalid': {
    nl: 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.',
    en: 'This link has expired or has already been used. Please request a new link.',
  },
  'accounts.reset.requestNew': { nl: 'Vraag een nieuwe link aan', en: 'Request a new link' },

  // Email change confirmation.
  'accounts.emailChange.invalidTitle': { nl: 'E-mailadres niet gewijzigd', en: 'Email address not changed' },
  'accounts.emailChange.invalid': {
    nl: 'Deze link is verlopen of al gebruikt, of het adres kan niet voor je account worden gebruikt. Er is niets gewijzigd.',
    en: 'This link has expired or has already been used, or the address cannot be used for your account. Nothing was changed.',
  },

  'accounts.consent.channel.signup': { nl: 'Bij het maken van je account', en: 'When you created your account' },
  'accounts.consent.channel.renewal': { nl: 'Na een nieuwe versie', en: 'After a new version' },
  'accounts.consent.channel.paper': { nl: 'Op papier, vastgelegd door een wijkbeheerder', en: 'On paper, recorded by a neighbourhood manager' },

  // Confirmations after a redirect.
  'flash.accounts.emailVerified': { nl: 'Je e-mailadres is bevestigd. Je kunt nu inloggen.', en: 'Your email address is confirmed. You can now log in.' },
  'flash.accounts.loggedOut': { nl: 'Je bent uitgelogd.', en: 'You are logged out.' },
  'flash.accounts.passwordReset': {
    nl: 'Je nieuwe wachtwoord is opgeslagen en je bent overal uitgelogd. Log in met je nieuwe wachtwoord.',
    en: 'Your new password is saved and you are logged out everywhere. Log in with your new password.',
  },
  'flash.accounts.profileSaved': { nl: 'Je gegevens zijn opgeslagen.', en: 'Your details have been saved.' },
  'flash.accounts.emailChangeSent': {
    nl: 'We hebben een bevestigingslink naar je nieuwe adres gestuurd. Je adres verandert pas als je die link opent.',
    en: 'We have sent a confirmation link to your new address. Your address only changes when you open that link.',
  },
  'flash.accounts.emailChanged': { nl: 'Je e-mailadres is gewijzigd.', en: 'Your email address has been changed.' },
  'flash.accounts.emailChangedLogin': {
    nl: 'Je e-mailadres is gewijzigd. Log voortaan in met je nieuwe adres.',
    en: 'Your email address has been changed. From now on, log in with your new address.',
  },
  'flash.accounts.passwordChanged': {
    nl: 'Je wachtwoord is gewijzigd. Op je andere apparaten ben je uitgelogd.',
    en: 'Your password has been changed. You have been logged out on your other devices.',
  },

  // Mail.
  'accounts.mail.footer': {
    nl: 'Je krijgt deze mail omdat er iets gebeurde met een account op {site}. Dit is een automatisch bericht.',
    en: 'You receive this mail because something happened with an account on {site}. This is an automatic message.',
  },
  'accounts.mail.notYou': {
    nl: 'Heb jij dit niet gedaan? Dan kun je deze mail negeren; er verandert niets.',
    en: 'Was this not you? Then you can ignore this mail; nothing changes.',
  },
  'accounts.mail.verify.subject': { nl: 'Bevestig je e-mailadres', en: 'Confirm your email address' },
  'accounts.mail.verify.body': {
    nl: 'Welkom bij {site}! Bevestig je e-mailadres met de knop hieronder; daarna kun je inloggen. De link werkt 48 uur en maar één keer.',
    en: 'Welcome to {site}! Confirm your email address with the button below; then you can log in. The link works for 48 hours and only once.',
  },
  'accounts.mail.verify.action': { nl: 'E-mailadres bevestigen', en: 'Confirm email address' },
  'accounts.mail.exists.subject': { nl: 'Iemand probeerde een account te maken met je adres', en: 'Someone tried to create an account with your address' },
  'accounts.mail.exists.body': {
    nl: 'Iemand probeerde zojuist een nieuw account te maken op {site} met dit e-mailadres. Je hebt hier al een account, dus er is geen nieuw account gemaakt.',
    en: 'Someone just tried to create a new account on {site} with this email address. You already have an account here, so no new account was created.',
  },
  'accounts.mail.exists.help': {
    nl: 'Was jij dat? Log dan in met je bestaande account. Weet je je wachtwoord niet meer, kies dan een nieuw wachtwoord via deze link: {resetUrl}',
    en: 'Was that you? Then log in with your existing account. If you no longer know your password, choose a new one through this link: {resetUrl}',
  },
  'accounts.mail.exists.action': { nl: 'Inloggen', en: 'Log in' },
  'accounts.mail.reset.subject': { nl: 'Een nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'accounts.mail.reset.body': {
    nl: 'Iemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je account op {site}. Met de knop hieronder kies je een nieuw wachtwoord. De link werkt 30 minuten en maar één keer.',
    en: 'Someone (hopefully you) asked for a new password for your account on {site}. Use the button below to choose a new password. The link works for 30 minutes and only once.',
  },
  'accounts.mail.reset.action': { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'accounts.mail.passwordChanged.subject': { nl: 'Je wachtwoord is gewijzigd', en: 'Your password has been changed' },
  'accounts.mail.passwordChanged.body': {
    nl: 'Het wachtwoord van je account op {site} is zojuist gewijzigd. Op je andere apparaten ben je uitgelogd.',
    en: 'The password of your account on {site} has just been changed. You have been logged out on your other devices.',
  },
  'accounts.mail.passwordChanged.notYou': {
    nl: 'Heb jij dit niet gedaan? Kies dan meteen een nieuw wachtwoord via {resetUrl} en neem contact met ons op via {contactUrl}.',
    en: 'Was this not you? Then choose a new password right away at {resetUrl} and contact us at {contactUrl}.',
  },
  'accounts.mail.confirmEmail.subject': { nl: 'Bevestig je nieuwe e-mailadres', en: 'Confirm your new email address' },
  'accounts.mail.confirmEmail.body': {
    nl: 'Je vroeg om dit adres te gebruiken voor je account op {site}. Bevestig dat met de knop hieronder; pas dan gaat je account dit adres gebruiken. De link werkt 24 uur en maar één keer.',
    en: 'You asked to use this address for your account on {site}. Confirm it with the button below; only then does your account switch to this address. The link works for 24 hours and only once.',
  },
  'accounts.mail.confirmEmail.action': { nl: 'Nieuw adres bevestigen', en: 'Confirm new address' },
  'accounts.mail.emailNotice.subject': { nl: 'Je e-mailadres wordt mogelijk gewijzigd', en: 'Your email address may be changed' },
  'accounts.mail.emailNotice.body': {
    nl: 'Er is gevraagd om het e-mailadres van je account op {site} te veranderen in {masked}. Het adres verandert pas als de link in de mail aan het nieuwe adres wordt geopend.',
    en: 'A request was made to change the email address of your account on {site} to {masked}. The address only changes when the link in the mail to the new address is opened.',
  },
  'accounts.mail.emailNotice.notYou': {
    nl: 'Heb jij dit niet gedaan? Kies dan meteen een nieuw wachtwoord via {resetUrl}; dan kan niemand anders het adres nog wijzigen.',
    en: 'Was this not you? Then choose a new password right away at {resetUrl}; after that nobody else can change the address.',
  },
})
