/**
 * Which wijk module shows which content type, and the Dutch URL of an item. Shared by the public
 * site, search, the contact form and "mijn content" so every link to an item looks the same.
 *
 * @example moduleOf('offer')                                  // "prikbord"
 * @example itemPath('oosterpark', { id: 12, slug: 'koffie', type: 'activity' }) // "/oosterpark/agenda/12-koffie"
 * Inside a page use wijkHref(c, wijk, itemPathInWijk(item)) so custom hosts work.
 */
import type { ContentType } from './content.tables.js'

export const MODULES = ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage'] as const
export type Module = (typeof MODULES)[number]

export interface ModuleInfo {
  module: Module
  /** Path segment inside a wijk: /<wijk>/<path>. */
  path: Module
  nameNl: string
  nameEn: string
  types: readonly ContentType[]
}

export const MODULE_INFO: Readonly<Record<Module, ModuleInfo>> = {
  agenda: { module: 'agenda', path: 'agenda', nameNl: 'Agenda', nameEn: 'Events', types: ['activity'] },
  organisaties: {
    module: 'organisaties',
    path: 'organisaties',
    nameNl: 'Organisatiegids',
    nameEn: 'Organisations',
    types: ['organisation'],
  },
  prikbord: { module: 'prikbord', path: 'prikbord', nameNl: 'Prikbord', nameEn: 'Notice board', types: ['request', 'offer'] },
  nieuws: { module: 'nieuws', path: 'nieuws', nameNl: 'Nieuws', nameEn: 'News', types: ['news'] },
  etalage: { module: 'etalage', path: 'etalage', nameNl: 'Etalage', nameEn: 'Local businesses', types: ['showcase'] },
}

const MODULE_OF: Readonly<Record<ContentType, Module>> = {
  activity: 'agenda',
  organisation: 'organisaties',
  request: 'prikbord',
  offer: 'prikbord',
  news: 'nieuws',
  showcase: 'etalage',
}

export function moduleOf(type: ContentType): Module {
  return MODULE_OF[type]
}

export function typesOfModule(module: Module): readonly ContentType[] {
  return MODULE_INFO[module].types
}

export function isModule(value: string): value is Module {
  return (MODULES as readonly string[]).includes(value)
}

export function moduleName(module: Module, lang: string): string {
  return lang === 'en' ? MODULE_INFO[module].nameEn : MODULE_INFO[module].nameNl
}

/** The item's path inside its wijk: "/agenda/12-koffie" (pass to wijkHref). */
export function itemPathInWijk(item: { id: number; slug: string; type: ContentType }): string {
  return `/${moduleOf(item.type)}/${item.id}-${item.slug}`
}

/** The item's path on the platform host: "/<wijk>/<module>/<id>-<slug>". */
export function itemPath(wijkSlug: string, item: { id: number; slug: string; type: ContentType }): string {
  return `/${wijkSlug}${itemPathInWijk(item)}`
}

/** The id in a "<id>-<slug>" URL part (slug optional), or null when it is not one. */
export function idFromItemParam(param: string): number | null {
  const m = /^([1-9][0-9]{0,9})(?:-[a-z0-9-]*)?$/.exec(param)
  if (!m) return null
  const id = Number(m[1])
  return id <= 2_147_483_647 ? id : null
}
