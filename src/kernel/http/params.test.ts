/**
 * Reading the URL: a malformed id is a 404 before any query, whatever its shape; a query string is
 * read through its schema, first value wins, and one that does not fit is a 400.
 */
import { describe, it, expect } from 'vitest'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../context.js'
import { AppError } from './errors.js'
import { translator } from '../i18n/i18n.js'
import { idParam, pageQuerySchema, parseId, parseUuid, queryId, queryValues, readQuery, readQueryForm, uuidParam } from './params.js'

/** A bare app with the routes under test; AppErrors answer with their status, as app.tsx does. */
function app() {
  const schema = z.object({ pagina: z.coerce.number().int().min(1).default(1), soort: z.enum(['vraag', 'aanbod']).optional(), wijk: queryId() })
  const search = z.object({ q: z.string().trim().min(1).max(10), pagina: z.coerce.number().int().min(1).default(1) })
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('t', translator('nl'))
      await next()
    })
    .get('/id/:id', (c) => c.json({ id: idParam(c) }))
    .get('/named/:itemId', (c) => c.json({ id: idParam(c, 'itemId') }))
    .get('/uuid/:id', (c) => c.json({ id: uuidParam(c) }))
    .get('/query', (c) => c.json(readQuery(c, schema)))
    .get('/form', (c) => c.json(readQueryForm(c, search)))
    .onError((err, c) => c.text(err.message, err instanceof AppError ? err.status : 500))
}

describe('parseId', () => {
  it.each(['1', '42', '999999999', '2147483647'])('reads %s', (raw) => {
    expect(parseId(raw)).toBe(Number(raw))
  })

  it.each([undefined, null, '', '0', '007', '-1', '+1', '1.5', '1e3', ' 1', '1 ', '0x10', 'abc', '2147483648', '99999999999', '１２'])('refuses %j', (raw) => {
    expect(parseId(raw)).toBeNull()
  })
})

describe('parseUuid', () => {
  it('reads either case and gives it back lower-cased', () => {
    expect(parseUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e')
  })

  it.each(['', '0f8fad5b-d9cb-469f-a165-70867728950', '0f8fad5bd9cb469fa16570867728950e', 'zf8fad5b-d9cb-469f-a165-70867728950e'])('refuses %j', (raw) => {
    expect(parseUuid(raw)).toBeNull()
  })
})

describe('path parameters', () => {
  it('give the id of a well-formed path', async () => {
    expect(await (await app().request('/id/12')).json()).toEqual({ id: 12 })
    expect(await (await app().request('/named/7')).json()).toEqual({ id: 7 })
  })

  it.each(['0', '007', 'abc', '1.5', '-3', '2147483648', '%00', '12abc'])('answer 404 for the id %j', async (raw) => {
    expect((await app().request(`/id/${raw}`)).status).toBe(404)
  })

  it('answer 404 for a malformed uuid and read a good one', async () => {
    expect((await app().request('/uuid/not-a-uuid')).status).toBe(404)
    expect(await (await app().request('/uuid/0F8FAD5B-D9CB-469F-A165-70867728950E')).json()).toEqual({ id: '0f8fad5b-d9cb-469f-a165-70867728950e' })
  })
})

describe('query strings', () => {
  it('are read through the schema, with its defaults', async () => {
    expect(await (await app().request('/query')).json()).toEqual({ pagina: 1 })
    expect(await (await app().request('/query?pagina=3&soort=vraag&wijk=5')).json()).toEqual({ pagina: 3, soort: 'vraag', wijk: 5 })
  })

  it('take the first of a repeated parameter and leave empty ones out', async () => {
    expect(await (await app().request('/query?pagina=2&pagina=9&soort=')).json()).toEqual({ pagina: 2 })
    expect(queryValues('https://x.test/?a=1&a=2&b=&c=3')).toEqual({ a: '1', c: '3' })
  })

  it('answer 400 when a value does not fit', async () => {
    expect((await app().request('/query?pagina=0')).status).toBe(400)
    expect((await app().request('/query?soort=alles')).status).toBe(400)
  })

  it('read an id in the query as undefined when it is not one, for the schema to decide', async () => {
    expect(await (await app().request('/query?wijk=abc')).json()).toEqual({ pagina: 1 })
    expect(await (await app().request('/query?wijk=007')).json()).toEqual({ pagina: 1 })
  })

  it.each([
    ['', 1],
    ['?pagina=4', 4],
    ['?pagina=0', 1],
    ['?pagina=-2', 1],
    ['?pagina=abc', 1],
    ['?pagina=1e3', 1],
    ['?pagina=9999999', 1],
  ])('read a paged list%s as page %i, never a 400', (query, page) => {
    expect(pageQuerySchema.parse(queryValues(`https://x.test/${query}`)).pagina).toBe(page)
  })

  it('never take a prototype key from the query', () => {
    const values = queryValues('https://x.test/?__proto__=x&constructor=y')
    expect(Object.getPrototypeOf(values)).toBeNull()
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('read a form sent with GET like a posted one: the values kept and a message per field, never a 400', async () => {
    const bad = await app().request('/form?q=veel-te-lange-zoekterm&pagina=nul&extra=1')
    expect(bad.status).toBe(200)
    const form = (await bad.json()) as { ok: boolean; values: Record<string, string>; errors: Record<string, string> }
    expect(form.ok).toBe(false)
    expect(form.values).toEqual({ q: 'veel-te-lange-zoekterm', pagina: 'nul', extra: '1' })
    expect(Object.keys(form.errors).sort()).toEqual(['pagina', 'q'])
    // A field left empty was sent, as in a posted form: the schema judges it (here: required).
    expect(await (await app().request('/form?q=')).json()).toMatchObject({ ok: false, values: { q: '' }, errors: { q: expect.any(String) } })

    expect(await (await app().request('/form?q=+fiets+&q=auto')).json()).toMatchObject({ ok: true, data: { q: 'fiets', pagina: 1 } })
  })
})
