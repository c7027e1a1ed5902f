/**
 * What each route parameter names. The same name means different things on different routes
 * (":id" is a wijk, a document, a breach…), so a rule matches the route's path and the name.
 * A parameter no rule knows makes the matrix test fail: a new route must say what it addresses.
 */
import type { Kind } from './world.js'

const RULES: Array<[path: RegExp, param: string, kind: Kind]> = [
  [/^\/static\//, 'file', 'staticFile'],
  [/^\/api\/(v1|hsds)\//, 'id', 'item'],
  [/^\/embed\//, 'id', 'widget'],
  [/^\/beheer\/partners\/:id[^/]*\/widgets/, 'id', 'widgetPartner'],
  [/^\/beheer\/partners\/:id[^/]*\/widgets/, 'widgetId', 'widget'],
  [/^\/media\/content\//, 'file', 'imageFile'],
  [/^\/media\/logos\//, 'file', 'logoFile'],
  [/^\/media\/covers\//, 'file', 'coverFile'],
  [/^\/:wijk\/agenda\/:file/, 'file', 'itemIcs'],
  [/^\/dev\/mailbox\//, 'id', 'outboxMail'],
  [/^\/mijn-gegevens\/nieuwsbrieven\//, 'id', 'subscription'],
  [/^\/mijn-gegevens\/apparaten\//, 'handle', 'sessionHandle'],
  [/^\/mijn-gegevens\/tweede-factor\/passkeys\//, 'id', 'passkey'],
  [/^\/mijn-gegevens\/contact\//, 'id', 'item'],
  [/^\/mijn-gegevens\/contact\//, 'field', 'contactField'],
  [/^\/mijn-gegevens\/export\//, 'id', 'export'],
  [/^\/mijn-gegevens\/meldingen\//, 'id', 'follow'],
  [/^\/(privacy|voorwaarden|deelovereenkomst|pakketovereenkomst|ambassadeursovereenkomst)\/versie\//, 'n', 'docVersion'],
  [/^\/beheer\/documenten\/:kind/, 'kind', 'docKind'],
  [/^\/beheer\/documenten\/:id/, 'id', 'document'],
  [/^\/beheer\/rollen\//, 'id', 'grant'],
  [/^\/beheer\/wijken\/:id/, 'id', 'wijkId'],
  [/\/wijkbeheerders\//, 'rid', 'wijkbeheerderGrant'],
  [/^\/beheer\/.*\/uitnodigingen\//, 'invitationId', 'roleInvitation'],
  [/\/themas\//, 'themeId', 'theme'],
  [/^\/beheer\/steden\//, 'id', 'cityId'],
  [/^\/mijn-content\/:id\/opnieuw-publiceren/, 'id', 'hiddenItem'],
  [/^\/mijn-content\/:id\/verlengen/, 'id', 'prikbordItem'],
  [/^\/mijn-content\//, 'id', 'item'],
  [/^\/mijn-content\//, 'imageId', 'image'],
  [/^\/mijn-content\//, 'userId', 'coManagerId'],
  [/^\/mijn-content\//, 'invitationId', 'invitation'],
  [/^\/uitnodiging\//, 'token', 'invitationToken'],
  [/^\/rol-uitnodiging\//, 'token', 'roleInvitationToken'],
  [/^\/beheer\/hulpvragen\//, 'id', 'support'],
  [/^\/beheer\/archief\//, 'id', 'archive'],
  [/^\/beheer\/datalekken\//, 'id', 'breach'],
  [/^\/beheer\/klachten\//, 'id', 'complaint'],
  [/^\/beheer\/verwerkingen\/activiteiten\//, 'id', 'activity'],
  [/^\/beheer\/verwerkingen\/verwerkers\//, 'id', 'processor'],
  [/^\/beheer\/partners\//, 'id', 'partner'],
  [/^\/beheer\/partners\//, 'keyId', 'partnerKey'],
  [/^\/beheer\/pakketten\//, 'id', 'package'],
  [/^\/pakketten\//, 'slug', 'packageSlug'],
  [/^\/beheer\/aanvragen\//, 'id', 'application'],
  [/^\/mijn-pakket\/machtiging\//, 'id', 'mandate'],
  [/^\/mijn-pakket\/facturen\//, 'id', 'ownInvoice'],
  [/\/facturen\/:id[^/]*\//, 'format', 'invoiceFormat'],
  [/^\/mijn-pakket\//, 'id', 'packageSubscription'],
  [/^\/beheer\/facturen\//, 'id', 'invoice'],
  [/^\/beheer\/incasso\//, 'id', 'debitRun'],
  [/\/nieuwsbrieven\//, 'nid', 'newsletter'],
  [/^\/:wijk\/nieuwsbrieven\//, 'id', 'sentNewsletter'],
  [/^\/nieuwsbrief\/bevestigen\//, 'token', 'confirmToken'],
  [/^\/nieuwsbrief\/afmelden\//, 'token', 'unsubscribeToken'],
  [/^\/afmelden\/meldingen\//, 'token', 'alertToken'],
  [/\/inhoud\/:item/, 'item', 'item'],
  [/\/import\//, 'batchId', 'batch'],
  [/\/import\/organisaties\//, 'itemId', 'importedItem'],
  [/\/bericht\//, 'broadcastId', 'broadcast'],
  [/\/links\//, 'linkId', 'link'],
  [/\/namens\/:pid/, 'pid', 'participant'],
  [/\/namens\/inhoud\//, 'itemId', 'assistedItem'],
  [/^\/:wijk\//, 'wijk', 'wijkSlug'],
  [/^\/:wijk\//, 'module', 'module'],
  [/^\/:wijk\//, 'item', 'itemPath'],
  [/^\/:wijk\//, 'feed', 'feed'],
  [/^\/:slug/, 'slug', 'wijkSlug'],
]

/** Routes that need a query or form field to address their resource. */
const EXTRAS: Array<[path: RegExp, where: 'query' | 'form', field: string, kind: Kind]> = [
  [/\/namens\/nieuw$/, 'query', 'voor', 'participant'],
  [/\/namens\/nieuw$/, 'query', 'type', 'assistType'],
  [/^\/beheer\/opzeggen\/bevestigen$/, 'form', 'userId', 'cancelTarget'],
]

export function extraFields(path: string): Array<{ where: 'query' | 'form'; field: string; kind: Kind }> {
  return EXTRAS.filter(([re]) => re.test(path)).map(([, where, field, kind]) => ({ where, field, kind }))
}

export function paramKind(path: string, param: string): Kind | undefined {
  return RULES.find(([re, name]) => name === param && re.test(path))?.[2]
}

/** The parameter that names the wijk itself; every other resource parameter lives inside it. */
export function isWijkParam(kind: Kind): boolean {
  return kind === 'wijkId' || kind === 'wijkSlug'
}

/** Parameters that are the same for both wijken or only pick a variant, not a resource. */
export function isSelector(kind: Kind): boolean {
  return kind === 'module' || kind === 'feed' || kind === 'contactField' || kind === 'docKind' || kind === 'docVersion' || kind === 'assistType' || kind === 'packageSlug'
}
