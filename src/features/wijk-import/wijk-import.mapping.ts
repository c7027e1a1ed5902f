/**
 * Which content fields an import can fill, per kind, and the first guess of which column holds
 * which field, from the file's header names in Dutch or English.
 */
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export const IMPORT_KINDS = ['organisation', 'activity'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface ImportField {
  /** The content form's field name (my-content.schema.ts), so the form's rules apply as they are. */
  name: string
  label: MessageKey
  required?: boolean
  /** Header names that mean this field, compared without case, accents, spaces or punctuation. */
  synonyms: string[]
  /** A contact field: private unless the wijk team chooses to show it (its `…Public` switch). */
  contact?: boolean
}

const title = (extra: string[]): ImportField => ({ name: 'title', label: 'my-content.field.title', required: true, synonyms: ['titel', 'title', 'naam', 'name', ...extra] })
const common: ImportField[] = [
  { name: 'summary', label: 'my-content.field.summary', synonyms: ['samenvatting', 'summary', 'kortebeschrijving', 'korteomschrijving', 'kort', 'intro', 'shortdescription'] },
  { name: 'body', label: 'my-content.field.body', synonyms: ['beschrijving', 'omschrijving', 'description', 'body', 'tekst', 'text', 'toelichting', 'details'] },
]
/**
 * Contact fields: imported as private unless the wijk team ticks "show publicly" for the column
 * (a voedselbank's address and phone are meant to be found); the owner can change it later (P05).
 */
const contact: ImportField[] = [
  { name: 'contactEmail', label: 'my-content.field.contactEmail', contact: true, synonyms: ['email', 'emailadres', 'mail', 'contactemail', 'emailaddress', 'mailadres'] },
  { name: 'contactPhone', label: 'my-content.field.contactPhone', contact: true, synonyms: ['telefoon', 'telefoonnummer', 'tel', 'phone', 'telephone', 'phonenumber', 'mobiel', 'contactphone'] },
  { name: 'contactAddress', label: 'my-content.field.contactAddress', contact: true, synonyms: ['adres', 'address', 'bezoekadres', 'postadres', 'contactaddress'] },
  { name: 'contactName', label: 'my-content.field.contactName', contact: true, synonyms: ['contactpersoon', 'contact', 'contactnaam', 'contactname', 'contactperson'] },
]

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  organisation: [
    title(['organisatie', 'organisation', 'organization', 'naamorganisatie', 'organisatienaam', 'initiatief']),
    ...common,
    { name: 'offers', label: 'my-content.field.offers', synonyms: ['aanbod', 'offers', 'watbiedenwe', 'diensten', 'services', 'wewillen'] },
    { name: 'openingHours', label: 'my-content.field.openingHours', synonyms: ['openingstijden', 'openingsuren', 'openinghours', 'geopend', 'hours', 'open'] },
    { name: 'website', label: 'my-content.field.website', synonyms: ['website', 'site', 'url', 'web', 'homepage', 'internet', 'webadres'] },
    ...contact,
  ],
  activity: [
    title(['activiteit', 'activity', 'evenement', 'event', 'naamactiviteit']),
    ...common,
    { name: 'startDate', label: 'my-content.field.startDate', required: true, synonyms: ['datum', 'startdatum', 'begindatum', 'date', 'startdate', 'dag', 'wanneer'] },
    { name: 'startTime', label: 'my-content.field.startTime', synonyms: ['tijd', 'begintijd', 'starttijd', 'aanvang', 'starttime', 'time', 'van', 'vanaf'] },
    { name: 'endDate', label: 'my-content.field.endDate', synonyms: ['einddatum', 'enddate', 'totdatum'] },
    { name: 'endTime', label: 'my-content.field.endTime', synonyms: ['eindtijd', 'endtime', 'tot', 'totaan', 'einde'] },
    { name: 'allDay', label: 'my-content.field.allDay', synonyms: ['heledag', 'geheledag', 'allday'] },
    { name: 'locationText', label: 'my-content.field.locationText', synonyms: ['locatie', 'plaats', 'waar', 'location', 'place', 'venue', 'adresactiviteit'] },
    { name: 'costAmount', label: 'my-content.field.costAmount', synonyms: ['kosten', 'prijs', 'entree', 'cost', 'price', 'bijdrage'] },
    { name: 'joinInfo', label: 'my-content.field.joinInfo', synonyms: ['aanmelden', 'opgeven', 'inschrijven', 'deelname', 'join', 'registration', 'signup', 'meedoen'] },
    ...contact,
  ],
}

export type ColumnMapping = Record<string, number>

/** The form field of a contact field's public switch, as the content form names it. */
export const publicSwitch = (field: string) => `${field}Public`

function normalise(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * Exact names first (so "E-mail" goes to the e-mail field even though "Contact e-mail" would
 * also fit), then headers that contain a name of at least four letters. Each column once.
 */
export function guessMapping(kind: ImportKind, headers: string[]): ColumnMapping {
  const norm = headers.map(normalise)
  const used = new Set<number>()
  const mapping: ColumnMapping = {}
  const take = (field: ImportField, match: (h: string, s: string) => boolean) => {
    if (mapping[field.name] !== undefined) return
    const index = norm.findIndex((h, i) => !used.has(i) && h !== '' && field.synonyms.some((s) => match(h, s)))
    if (index >= 0) {
      mapping[field.name] = index
      used.add(index)
    }
  }
  for (const field of IMPORT_FIELDS[kind]) take(field, (h, s) => h === s)
  for (const field of IMPORT_FIELDS[kind]) take(field, (h, s) => s.length >= 4 && h.includes(s))
  return mapping
}
