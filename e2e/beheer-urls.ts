/**
 * Every GET route under /beheer as concrete URLs, filled with the ids of the beheer fixtures
 * (src/features/beheer/beheer-pages.fixtures.ts). Taken from the router, so a new beheer page is
 * walked by the browser checks as soon as it exists; one whose parameters cannot be filled is
 * named in `unfilled`. Used by the accessibility walk and the layout walk.
 */
import { expandRoute, routeParams, type RouteContext as Ctx } from '../test/routes.js'
import { ASSIST_TYPES } from '../src/features/wijkbeheer/wijkbeheer.schema.js'
import type { BeheerFixtures } from '../src/features/beheer/beheer-pages.fixtures.js'

/** A route path without its parameters' regexes: "/beheer/wijken/:id/inhoud/:item". */
export const template = (path: string) => path.replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, '')

/**
 * What fills the parameters of the routes under each prefix (the longest matching prefix wins).
 * The same name means different things under different prefixes (":id" is a wijk, a breach, …).
 */
export function fillers(fx: BeheerFixtures): Record<string, Ctx[]> {
  const wijk = { id: String(fx.wijk.id) }
  const inWijk = (values: Ctx[]) => values.map((v) => ({ ...wijk, ...v }))
  const ids = (values: Array<number | string>) => values.map((id) => ({ id: String(id) }))
  return {
    '/beheer/documenten/:id': ids([fx.documentDraftId]),
    '/beheer/steden/:id': ids([fx.wijk.cityId]),
    '/beheer/hulpvragen/:id': ids(fx.supportRequestIds),
    '/beheer/datalekken/:id': ids([fx.breachId]),
    '/beheer/klachten/:id': ids([fx.complaintId]),
    '/beheer/verwerkingen/activiteiten/:id': ids([fx.activityId]),
    '/beheer/verwerkingen/verwerkers/:id': ids([fx.processorId]),
    '/beheer/partners/:id': ids([fx.partnerId]),
    '/beheer/pakketten/:id': ids([fx.packageId]),
    // Each invoice's page, and its PDF download (/beheer/facturen/:id/:format).
    '/beheer/facturen/:id': ids(fx.invoiceIds).map((c) => ({ ...c, format: 'pdf' })),
    '/beheer/incasso/:id': ids([fx.debitRunId]),
    '/beheer/aanvragen/:id': ids([fx.applicationId]),
    '/beheer/partners/:id/widgets/:widgetId': [{ id: String(fx.partnerId), widgetId: fx.widgetId }],
    '/beheer/wijken/:id': [wijk],
    '/beheer/wijken/:id/nieuwsbrieven/:nid': inWijk([{ nid: String(fx.newsletterIds.draft) }, { nid: String(fx.newsletterIds.sent) }]),
    '/beheer/wijken/:id/inhoud/:item': inWijk(fx.itemIds.map((item) => ({ item: String(item) }))),
    // An imported batch shows its progress; the mapping and dry run are for a batch not yet imported.
    '/beheer/wijken/:id/import/:batchId': inWijk([{ batchId: fx.batchIds.imported }, { batchId: fx.batchIds.checked }]),
    '/beheer/wijken/:id/import/:batchId/kolommen': inWijk([{ batchId: fx.batchIds.checked }]),
    '/beheer/wijken/:id/import/:batchId/controle': inWijk([{ batchId: fx.batchIds.checked }]),
    '/beheer/wijken/:id/import/organisaties/:itemId': inWijk([{ itemId: String(fx.claimableId) }]),
    '/beheer/wijken/:id/bericht/:broadcastId': inWijk([{ broadcastId: String(fx.broadcastId) }]),
    '/beheer/wijken/:id/namens/:pid': inWijk([{ pid: String(fx.participantId) }]),
    '/beheer/wijken/:id/namens/inhoud/:itemId': inWijk([{ itemId: String(fx.assistedItemId) }]),
  }
}

/** A URL that answers with a file to save, not a page: CSV exports, invoice PDF/UBL, pain.008 files. */
export const isDownload = (url: string) => /(\.csv|\.xml|\/pdf|\/ubl)(\?|$)/.test(url)

/** Pages that need a query to be a page at all. */
function queries(fx: BeheerFixtures): Record<string, string[]> {
  return { '/beheer/wijken/:id/namens/nieuw': ASSIST_TYPES.map((type) => `?voor=${fx.participantId}&type=${type}`) }
}


export interface BeheerUrl {
  route: string
  url: string
}

/** Every /beheer GET route as concrete URLs, and the routes that could not be filled. */
export function beheerUrls(paths: string[], fx: BeheerFixtures): { urls: BeheerUrl[]; unfilled: string[] } {
  const byPrefix = fillers(fx)
  const withQuery = queries(fx)
  const urls: BeheerUrl[] = []
  const unfilled: string[] = []
  for (const path of paths.filter((p) => p.startsWith('/beheer'))) {
    const route = template(path)
    const prefix = Object.keys(byPrefix)
      .filter((p) => route === p || route.startsWith(`${p}/`))
      .sort((a, b) => b.length - a.length)[0]
    const params = routeParams(path)
    const contexts = prefix ? byPrefix[prefix]! : [{}]
    const { urls: filled } = expandRoute(path, { contexts, pool: new Set(), global: {}, unfillable: {} })
    if (filled.length === 0) {
      unfilled.push(`${path} (${params.map((p) => p.name).join(', ')})`)
      continue
    }
    for (const url of filled) for (const query of withQuery[route] ?? ['']) urls.push({ route, url: `${url}${query}` })
  }
  return { urls, unfilled }
}
