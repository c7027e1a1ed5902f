/**
 * Reading forms with zod. A bad form re-renders with 422, a message next to each field, and
 * everything the user typed (except passwords, which the view never echoes).
 *
 * @example
 * const form = await readForm(c, loginSchema)
 * if (!form.ok) return render(c, <LoginPage values={form.values} errors={form.errors} />, 422)
 */
import { z } from 'zod'
import { parsedBody } from './body.js'
import type { AppContext } from '../context.js'
import { isMessageKey, type T } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/catalog.js'
import { CSRF_FIELD } from './csrf.js'
import { unreadableInput } from './errors.js'
import { hasUnreadable, withoutUnreadable } from './unreadable.js'

export type FormValues = Record<string, string>
export type FieldErrors = Record<string, string>

export type FormResult<O> =
  | { ok: true; data: O; values: FormValues; files: Record<string, File> }
  | { ok: false; errors: FieldErrors; values: FormValues; files: Record<string, File> }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', CSRF_FIELD])

export interface BodyOptions {
  /**
   * Give back the fields with unreadable characters (NUL, other control characters, invalid UTF-8)
   * as `unreadable`, for a form that shows the message next to the field. Without it such a body is
   * refused with a 422 page, so no handler ever passes those characters on to the database.
   */
  report?: boolean
}

export interface Body {
  values: FormValues
  files: Record<string, File>
  /** Per field with unreadable characters, the message to show (only with `report`). */
  unreadable: FieldErrors
}

/**
 * The posted fields as a plain, prototype-free object of strings; files apart. A value with
 * unreadable characters is kept without them, so a form can show back what was typed.
 */
export async function readBody(c: AppContext, options: BodyOptions = {}): Promise<Body> {
  const body = await parsedBody(c)
  const values: FormValues = Object.create(null) as FormValues
  const files: Record<string, File> = Object.create(null) as Record<string, File>
  const unreadable: FieldErrors = {}
  for (const [key, value] of Object.entries(body)) {
    if (FORBIDDEN_KEYS.has(key)) continue
    if (hasUnreadable(key)) {
      unreadable._form = c.get('t')('error.unreadable.field')
      continue
    }
    if (typeof value === 'string') {
      if (hasUnreadable(value)) {
        unreadable[key] = c.get('t')('error.unreadable.field')
        values[key] = withoutUnreadable(value)
      } else values[key] = value
    } else if (value instanceof File && value.size > 0) {
      if (hasUnreadable(value.name)) unreadable[key] = c.get('t')('error.unreadable.field')
      else files[key] = value
    }
  }
  if (!options.report && Object.keys(unreadable).length > 0) throw unreadableInput()
  return { values, files, unreadable }
}

export async function readForm<S extends z.ZodType>(c: AppContext, schema: S): Promise<FormResult<z.output<S>>> {
  return checkForm(await readBody(c, { report: true }), schema, c.get('t'))
}

/** Validates a body read with `report` against a schema; unreadable fields count as errors too. */
export function checkForm<S extends z.ZodType>(body: Body, schema: S, t: T): FormResult<z.output<S>> {
  const { values, files, unreadable } = body
  const parsed = schema.safeParse({ ...values, ...files })
  if (parsed.success && Object.keys(unreadable).length === 0) return { ok: true, data: parsed.data, values, files }
  const errors = parsed.success ? {} : zodErrors(parsed.error, t)
  return { ok: false, errors: { ...errors, ...unreadable }, values, files }
}

/** The first problem per field, translated. */
export function zodErrors(error: z.ZodError, t: T): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    errors[field] = issueMessage(issue, t)
  }
  return errors
}

function issueMessage(issue: z.core.$ZodIssue, t: T): string {
  if (isMessageKey(issue.message)) return t(issue.message)
  switch (issue.code) {
    case 'invalid_type':
      return t('error.required')
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('error.required')
        : t('error.tooShort', { minimum: Number(issue.minimum) })
    case 'too_big':
      return t('error.tooLong', { maximum: Number(issue.maximum) })
    case 'invalid_format':
      return issue.format === 'email' ? t('error.email') : t('error.invalid')
    default:
      return t('error.invalid')
  }
}

/** Adds a message for one field, e.g. after a check that needs the database. */
export function fieldError(t: T, field: string, key: MessageKey, params?: Record<string, string | number>): FieldErrors {
  return { [field]: t(key, params) }
}

/** Form text: trimmed; an empty field counts as missing. */
export const text = (max = 200) => z.string().trim().min(1).max(max)
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v))
export const email = () => z.string().trim().toLowerCase().pipe(z.email().max(254))
/** A checkbox: present means ticked. */
export const checkbox = () =>
  z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === '1' || v === 'true')
