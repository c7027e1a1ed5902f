/**
 * Form building blocks. Each field has a visible label, its hint and error tied to it with
 * aria-describedby, and keeps the value that was typed.
 */
import type { Child } from 'hono/jsx'
import type { FieldErrors, FormValues } from '../http/form.js'
import type { T } from '../i18n/i18n.js'
import { CSRF_FIELD } from '../http/csrf.js'
import { labelCells } from './table-labels.js'

export interface FormState {
  values?: FormValues
  errors?: FieldErrors
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

interface FieldProps {
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'color' | 'date' | 'datetime-local'
  state?: FormState
  /** Value when the form is first shown (the typed value wins after a failed submit). */
  value?: string
  hint?: Child
  required?: boolean
  autocomplete?: string
  t: T
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'text' | 'search'
  maxlength?: number
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** Label, hint and error around a control; the control refers to them by id. */
function FieldFrame(p: { name: string; label: string; required?: boolean; hint?: Child; error?: string; t: T; children: Child }) {
  return (
    <div class="field">
      <label for={p.name}>
        {p.label} {!p.required && <span class="muted">{p.t('form.optional')}</span>}
      </label>
      {p.hint && (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field-error" id={`${p.name}-error`}>
          {p.error}
        </p>
      )}
      {p.children}
    </div>
  )
}

export function Field(p: FieldProps) {
  const error = p.state?.errors?.[p.name]
  const value = p.type === 'password' ? undefined : (p.state?.values?.[p.name] ?? p.value)
  return (
    <FieldFrame name={p.name} label={p.label} required={p.required} hint={p.hint} error={error} t={p.t}>
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={value}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, error)}
      />
    </FieldFrame>
  )
}

export function TextArea(p: Omit<FieldProps, 'type' | 'autocomplete' | 'inputmode'> & { rows?: number }) {
  const error = p.state?.errors?.[p.name]
  const value = p.state?.values?.[p.name] ?? p.value ?? ''
  return (
    <FieldFrame name={p.name} label={p.label} required={p.required} hint={p.hint} error={error} t={p.t}>
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 8}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, error)}
      >
        {value}
      </textarea>
    </FieldFrame>
  )
}

export function Checkbox(p: { name: string; label: Child; state?: FormState; checked?: boolean; hint?: Child }) {
  const error = p.state?.errors?.[p.name]
  const submitted = p.state?.values !== undefined
  const checked = submitted ? p.state?.values?.[p.name] === 'on' : Boolean(p.checked)
  return (
    <div class="field">
      {error && (
        <p class="field-error" id={`${p.name}-error`}>
          {error}
        </p>
      )}
      <div class="check">
        <input
          type="checkbox"
          id={p.name}
          name={p.name}
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(p.name, p.hint, error)}
        />
        <label for={p.name}>{p.label}</label>
      </div>
      {p.hint && (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
    </div>
  )
}

/**
 * One choice of a few, as radio buttons in a fieldset whose legend asks the question; the error
 * above the choices, and the first radio has the field's own id (where the error summary links).
 * `value` is what is chosen when the form is first shown; without it nothing is.
 */
export function RadioChoice(p: { name: string; legend: string; options: SelectOption[]; state?: FormState; value?: string }) {
  const error = p.state?.errors?.[p.name]
  const chosen = p.state?.values?.[p.name] ?? p.value
  const id = (i: number, value: string) => (i === 0 ? p.name : `${p.name}-${value}`)
  return (
    <fieldset aria-describedby={error ? `${p.name}-error` : undefined}>
      <legend>{p.legend}</legend>
      {error && (
        <p class="field-error" id={`${p.name}-error`}>
          {error}
        </p>
      )}
      {p.options.map((o, i) => (
        <div class="check">
          <input type="radio" id={id(i, o.value)} name={p.name} value={o.value} checked={chosen === o.value} />
          <label for={id(i, o.value)}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

export interface SelectOption {
  value: string
  label: string
}
/** Options under a heading (an optgroup), e.g. the wijken of one city. */
export interface SelectGroup {
  group: string
  options: SelectOption[]
}

export function Select(p: {
  name: string
  label: string
  options: Array<SelectOption | SelectGroup>
  state?: FormState
  value?: string
  required?: boolean
  hint?: Child
  t: T
}) {
  const error = p.state?.errors?.[p.name]
  const current = p.state?.values?.[p.name] ?? p.value ?? ''
  const option = (o: SelectOption) => (
    <option value={o.value} selected={o.value === current}>
      {o.label}
    </option>
  )
  return (
    <FieldFrame name={p.name} label={p.label} required={p.required} hint={p.hint} error={error} t={p.t}>
      <select
        id={p.name}
        name={p.name}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, error)}
      >
        {p.options.map((o) => ('group' in o ? <optgroup label={o.group}>{o.options.map(option)}</optgroup> : option(o)))}
      </select>
    </FieldFrame>
  )
}

/**
 * How far a long task is (a send, an import, an export). The label says it in words and numbers
 * too, so nobody depends on seeing the bar; the text inside is for browsers without <progress>.
 */
export function ProgressBar(p: { id: string; label: string; value: number; max?: number }) {
  const max = p.max ?? 100
  const percent = max > 0 ? Math.round((p.value / max) * 100) : 0
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <progress id={p.id} class="progress" max={max} value={p.value}>
        {percent}%
      </progress>
    </div>
  )
}

/** Lists the problems at the top of a form, each linking to its field. */
export function ErrorSummary({ errors, t }: { errors?: FieldErrors; t: T }) {
  const entries = Object.entries(errors ?? {})
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{field === '_form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  )
}

export function Notice({ kind, children }: { kind?: 'ok' | 'error' | 'info'; children: Child }) {
  return (
    <div class={`notice ${kind ?? ''}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}

/** A column heading of a DataTable: `num` right-aligns a numeric column; `hidden` keeps the name for screen readers only. */
export type Heading = string | { label: string; class?: 'num'; hidden?: boolean }

/**
 * A data table with column headings of scope "col" and an optional caption (visually hidden
 * unless `captionVisible`). A heading that is `false` is left out, so an optional column is written
 * `cond && 'Label'`; the rows (children) must leave out the same cells. On a small screen each row
 * is shown as a card, every cell under its column's name (`data-label`, set here from the
 * headings; a hidden heading gives none), so nothing is cut off at the right (30-components.css).
 *
 * @example
 * <DataTable caption={t('breaches.list.title')} head={[t('breaches.field.title'), { label: t('x.count'), class: 'num' }]}>
 *   {rows.map((r) => (<tr><th scope="row">{r.title}</th><td class="num">{r.count}</td></tr>))}
 * </DataTable>
 */
export function DataTable(p: { head: Array<Heading | false | null | undefined>; caption?: string; captionVisible?: boolean; children?: Child }) {
  const head = p.head.filter((h): h is Heading => Boolean(h))
  const labels = head.map((h) => (typeof h === 'string' ? h : h.hidden ? null : h.label))
  return (
    <div class="table-wrap">
      <table class="cards-on-small">
        {p.caption !== undefined && <caption class={p.captionVisible ? undefined : 'visually-hidden'}>{p.caption}</caption>}
        <thead>
          <tr>
            {head.map((h) => {
              if (typeof h === 'string') return <th scope="col">{h}</th>
              return <th scope="col" class={h.class}>{h.hidden ? <span class="visually-hidden">{h.label}</span> : h.label}</th>
            })}
          </tr>
        </thead>
        <tbody>{labelCells(p.children, labels)}</tbody>
      </table>
    </div>
  )
}
