/**
 * The contract between an OpenAPI document and the answers of the API it describes: every answer
 * a test receives is checked against the schema the document gives for that path, status and
 * media type (JSON Schema 2020-12, as OpenAPI 3.1 uses). A field the document does not allow, a
 * missing required field or a wrong type fails the test that made the request.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { Validator } from '@seriousme/openapi-schema-validator'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> }

/** JSON Pointer escaping of one path segment. */
const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')

export async function validOpenApi31(doc: unknown): Promise<{ valid: boolean; version: string; errors: unknown }> {
  const validator = new Validator()
  const result = await validator.validate(doc as Parameters<Validator['validate']>[0])
  return { valid: result.valid, version: validator.version, errors: result.errors }
}

export class Contract {
  readonly #ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }))
  readonly #compiled = new Map<string, ValidateFunction>()
  readonly #templates: Array<{ template: string; re: RegExp }>
  /** Operations ("GET /api/v1/news/{id}") that answered at least once. */
  readonly exercised = new Set<string>()

  constructor(readonly doc: Doc) {
    this.#ajv.addSchema(doc as object, 'openapi')
    this.#templates = Object.keys(doc.paths).map((template) => ({ template, re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
  }

  /** Errors of one answer against the document; empty when it fits. */
  check(method: string, url: string, status: number, contentType: string, body: string): string[] {
    const path = new URL(url, 'http://x').pathname
    const found = this.#templates.find((t) => t.re.test(path))
    if (!found) return [`${method} ${path}: not in the document`]
    const op = this.doc.paths[found.template]?.[method.toLowerCase()]
    if (!op) return [`${method} ${found.template}: no such operation`]
    this.exercised.add(`${method} ${found.template}`)
    const response = op.responses[String(status)]
    if (!response) return [`${method} ${found.template}: status ${status} not documented`]
    if (status === 304) return body === '' ? [] : ['304 with a body']
    const media = contentType.split(';')[0]!.trim()
    if (!response.content?.[media]) return [`${method} ${found.template} ${status}: media type ${media} not documented`]
    const ref = `openapi#/paths/${pointer(found.template)}/${method.toLowerCase()}/responses/${status}/content/${pointer(media)}/schema`
    let validate = this.#compiled.get(ref)
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref })
      this.#compiled.set(ref, validate)
    }
    if (validate(JSON.parse(body))) return []
    return (validate.errors ?? []).map((e) => `${method} ${found.template} ${status}: ${e.instancePath || '/'} ${e.message ?? ''}`)
  }
}
