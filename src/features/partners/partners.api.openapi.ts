/**
 * The OpenAPI 3.1 document of the partner API, generated from the same zod schemas that read the
 * queries (partners.api.schema.ts). The contract test validates every API answer of the test
 * suite against this document, so the document cannot drift from what the API does.
 */
import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi'
import { hsdsListQuery, hsdsOrganization, hsdsPage, hsdsService } from './partners.hsds.js'
import { apiChanges, apiCityList, apiItem, apiItemList, apiItemOne, apiProblem, apiThemeList, apiWijkList, changesQuery, ITEM_RESOURCES, itemListQuery, type ItemResource } from './partners.api.schema.js'

/** The API's version, as in its path; bumped only with /api/v2/ (docs/api.md: deprecation). */
export const API_VERSION = '1.0.0'

const problemContent = { 'application/problem+json': { schema: apiProblem.meta({ id: 'Problem' }) } }

const refusals = {
  '400': { description: 'A parameter does not fit: `errors` names it.', content: problemContent },
  '401': { description: 'No key, an unknown or revoked key, or an agreement not in force.', content: problemContent },
  '403': { description: 'A wijk, city or content type outside the agreement.', content: problemContent },
  '429': { description: 'Over the key’s requests per minute; see Retry-After.', content: problemContent },
}

const notModified = { description: 'Not modified: the ETag in If-None-Match is current.' }

function operation(summary: string, schema: z.ZodType, extra: Partial<ZodOpenApiOperationObject> = {}): ZodOpenApiOperationObject {
  return {
    summary,
    responses: {
      '200': {
        description: 'OK. Carries an ETag; Cache-Control private, max-age=60.',
        content: { 'application/json': { schema }, 'application/ld+json': { schema: z.looseObject({}).meta({ description: 'schema.org JSON-LD: an @graph of Event, Organization, NewsArticle, Demand, Offer and Product nodes.' }) } },
      },
      '304': notModified,
      ...refusals,
    },
    ...extra,
  }
}

const ITEM_LABELS: Record<ItemResource, string> = {
  activities: 'Activities (Agenda), with their occurrences in a date range',
  organisations: 'Organisations (Organisatiegids)',
  prikbord: 'Requests and offers (Prikbord)',
  news: 'News (Nieuws)',
  etalage: 'Showcases (Etalage)',
}

function buildPaths(): ZodOpenApiPathsObject {
  const item = apiItem.meta({ id: 'Item' })
  const paths: ZodOpenApiPathsObject = {
    '/api/v1/wijken': { get: operation('The wijken the agreement covers', apiWijkList) },
    '/api/v1/cities': { get: operation('The cities of those wijken, each with its wijken in scope', apiCityList) },
    '/api/v1/themes': { get: operation('The themes of the wijken in scope', apiThemeList) },
    '/api/v1/changes': {
      get: {
        ...operation('Items that changed or left the scope since the previous call', apiChanges, { requestParams: { query: changesQuery } }),
        responses: {
          ...operation('', apiChanges).responses,
          '410': { description: 'The cursor is older than the change log is kept: fetch every list again and start over.', content: problemContent },
        },
      },
    },
  }
  for (const resource of Object.keys(ITEM_RESOURCES) as ItemResource[]) {
    paths[`/api/v1/${resource}`] = {
      get: operation(ITEM_LABELS[resource], apiItemList.extend({ data: z.array(item) }), { requestParams: { query: itemListQuery } }),
    }
    paths[`/api/v1/${resource}/{id}`] = {
      get: {
        ...operation(`One item of ${resource}`, apiItemOne.extend({ data: item }), { requestParams: { path: z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/) }) } }),
        responses: {
          ...operation('', apiItemOne.extend({ data: item })).responses,
          '404': { description: 'No such item within the agreement (or no longer public or shared).', content: problemContent },
        },
      },
    }
  }
  const uuidPath = { requestParams: { path: z.object({ id: z.uuid() }) } }
  const notFound = { '404': { description: 'No such record within the agreement.', content: problemContent } }
  const hsds = (summary: string, schema: z.ZodType, extra: Partial<ZodOpenApiOperationObject>, one = false): ZodOpenApiOperationObject => {
    const op = operation(summary, schema, extra)
    const { '200': ok, ...rest } = op.responses as Record<string, unknown>
    return { ...op, tags: ['Open Referral HSDS 3.0'], responses: { '200': { ...(ok as object), content: { 'application/json': { schema } } }, ...rest, ...(one ? notFound : {}) } }
  }
  paths['/api/hsds/organizations'] = { get: hsds('Organisations as HSDS 3.0 organizations', hsdsPage(hsdsOrganization), { requestParams: { query: hsdsListQuery } }) }
  paths['/api/hsds/organizations/{id}'] = { get: hsds('One HSDS organization, with its service', hsdsOrganization, uuidPath, true) }
  paths['/api/hsds/services'] = { get: hsds('What organisations offer, as HSDS 3.0 services', hsdsPage(hsdsService), { requestParams: { query: hsdsListQuery } }) }
  paths['/api/hsds/services/{id}'] = { get: hsds('One HSDS service', hsdsService, uuidPath, true) }
  return paths
}

let built: ReturnType<typeof createDocument> | undefined

/** The document, made once per process: it depends on code only. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'WijkConnect partner API',
      version: API_VERSION,
      description:
        'Public wijk content for partner websites under a registered data-sharing agreement (Deelovereenkomst). Only content that is public and that its owner lets partners show is ever returned; contact details only where the owner made them public. See /api/docs.',
    },
    servers: [{ url: '/' }],
    security: [{ partnerKey: [] }],
    components: { securitySchemes: { partnerKey: { type: 'http', scheme: 'bearer', description: 'The API key of your agreement, shown once when it was made (starts with wck_).' } } },
    paths: buildPaths(),
  })
  return built
}
