/**
 * Reading the URL: path parameters and the query string. One rule per kind of value, so a route
 * never turns a malformed id into NaN or a query the database refuses.
 *
 * A path id that is not a positive integer fitting a PostgreSQL `integer` answers 404, the same
 * as an id that does not exist: a malformed guess learns nothing a well-formed one would not. A
 * query string is read through a zod schema, like a form; one that does not fit answers 400 (a
 * schema that would rather ignore a bad value says so with `.catch()`). A form sent with GET (a
 * search box, a filter) is read with `readQueryForm` instead: its errors go next to its fields.
 *
 * @example const id = idParam(c)                       // /beheer/wijken/:id → 12, or 404
 * @example const q = readQuery(c, listQuerySchema)     // ?pagina=2 → { pagina: 2 }, or 400
 */
import { z } from 'zod'
import type { AppContext } from '../context.js'
import type { MessageKey } from '../i18n/catalog.js'
import { AppError, badRequest, notFound } from './errors.js'
import { checkForm, type FormResult } from './form.js'

/** The largest value of a PostgreSQL `integer` (serial ids). */
const MAX_ID = 2_147_483_647
/** Digits without a leading zero: one spelling per id, so "007" is not a second address for 7. */
const ID = /^[1-9]\d{0,9}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A numeric id as written in a URL, or null. */
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !ID.test(raw)) return null
  const id = Number(raw)
  return id <= MAX_ID ? id : null
}

/** The numeric id in a path parameter; 404 when it is not one. */
export function idParam(c: AppContext, name = 'id'): number {
  const id = parseId(c.req.param(name))
  if (id === null) throw notFound()
  return id
}

/** A UUID as written in a URL (either case), lower-cased as the database stores it, or null. */
export function parseUuid(raw: string | undefined | null): string | null {
  const value = (raw ?? '').toLowerCase()
  return UUID.test(value) ? value : null
}

/** The UUID in a path parameter; 404 when it is not one. */
export function uuidParam(c: AppContext, name = 'id'): string {
  const id = parseUuid(c.req.param(name))
  if (id === null) throw notFound()
  return id
}

/**
 * The first value of each query parameter, empty ones left out: a repeated parameter must not
 * turn into an array, and `?thema=` means no theme rather than an invalid one. A form sent with
 * GET keeps its empty fields (`keepEmpty`), as a posted one does: a field left empty is for its
 * schema to judge (`?postcode=` is a postcode not filled in, `?lat=` a location that is unreadable).
 */
export function queryValues(url: string, { keepEmpty = false } = {}): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [key, value] of new URL(url).searchParams) if (!(key in out) && (keepEmpty || value !== '')) out[key] = value
  return out
}

/**
 * The query string read through a schema; 400 when it does not fit, with `message` when given (a
 * page whose values people type into the address bar, such as a date, says what it expects).
 */
export function readQuery<S extends z.ZodType>(c: AppContext, schema: S, message?: MessageKey): z.output<S> {
  const parsed = schema.safeParse(queryValues(c.req.url))
  if (!parsed.success) throw message ? new AppError(400, 'bad_query', message) : badRequest()
  return parsed.data
}

/**
 * A form sent with GET, read through its schema like a posted one: a value that does not fit is
 * shown again with its message beside it, so the page answers itself rather than with a bare 400.
 * Unreadable characters never get this far: the URL check has answered 400 for them.
 */
export function readQueryForm<S extends z.ZodType>(c: AppContext, schema: S): FormResult<z.output<S>> {
  return checkForm({ values: queryValues(c.req.url, { keepEmpty: true }), files: {}, unreadable: {} }, schema, c.get('t'))
}

/** For a query schema: an id, or undefined when the value is absent or not an id. */
export const queryId = () =>
  z
    .string()
    .optional()
    .transform((v) => parseId(v) ?? undefined)

/** For a query schema: a 1-based page number; absent or malformed is the first page. */
export const queryPage = () =>
  z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .catch(1)

/** The query of a paged list: ?pagina=N. */
export const pageQuerySchema = z.object({ pagina: queryPage() })
