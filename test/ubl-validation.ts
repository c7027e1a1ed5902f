/**
 * UBL e-invoices held against the real standards in ../shared/validators (beside the checkout,
 * also in CI; the product never reads them):
 * - the OASIS UBL 2.1 XSD, with libxml2's validator compiled to WebAssembly (test/xml-schema.ts);
 * - the EN 16931 business rules (CEN-EN16931-UBL.sch) with node-schematron;
 * - the Peppol BIS Billing 3.0 rules (PEPPOL-EN16931-UBL.sch), which include the Dutch national
 *   rules NL-R-001…009. That file defines XSLT functions, which node-schematron cannot run. The one
 *   our documents meet, u:slack (an amount within a rounding margin, for line amounts, R120), is
 *   given to its XPath engine (fontoxpath) as written there; the others check identifiers of other
 *   countries (GLN, Norwegian, Danish, Belgian, Italian, Greek, Australian numbers), and the
 *   assertions that call them are left out. Every other Peppol rule runs as written.
 *
 * Compiling a schematron takes seconds: compile once per test file (in beforeAll).
 *
 * @example const en16931 = await compileSchematron('en16931'); expect(failedAsserts(en16931, xml)).toEqual([])
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { VALIDATORS_DIR, validateAgainstXsd } from './xml-schema.js'

/**
 * The part of node-schematron used here. Loaded through require with this local type because its
 * own declarations pull in fontoxpath's, which add the browser DOM to every file's globals (and
 * break Node's Headers and Buffer types elsewhere in the project).
 */
interface SchematronResult {
  assertId: string | null
  isReport: boolean
  message?: string
}
interface Schema {
  validateString(xml: string): SchematronResult[]
}
const load = createRequire(import.meta.url)
const { Schema } = load('node-schematron') as { Schema: { fromString(source: string): Schema } }

/** fontoxpath, the XPath engine node-schematron runs on (the same copy), for the one XSLT function we give it. */
const fontoxpath = load('fontoxpath') as {
  registerCustomXPathFunction(name: { namespaceURI: string; localName: string }, args: string[], returns: string, fn: (context: unknown, ...args: number[]) => boolean): void
}

/** u:slack(exp, val, slack) of the Peppol file: val lies within slack of exp. Registering it again replaces it. */
function registerSlack(): void {
  fontoxpath.registerCustomXPathFunction({ namespaceURI: 'utils', localName: 'slack' }, ['xs:numeric', 'xs:numeric', 'xs:numeric'], 'xs:boolean', (_context, exp, val, slack) => exp + slack >= val && exp - slack <= val)
}

const ublDir = path.join(VALIDATORS_DIR, 'ubl-2.1')
const peppolDir = path.join(VALIDATORS_DIR, 'peppol-bis-3')

export function officialExample(name: 'base-example.xml' | 'base-creditnote-correction.xml' | 'vat-category-E.xml'): string {
  return fs.readFileSync(path.join(peppolDir, 'examples', name), 'utf8')
}

/** Errors of the UBL 2.1 XSD for an Invoice or CreditNote ([] when valid), through test/xml-schema.ts. */
export async function xsdErrors(xml: string): Promise<string[]> {
  const root = /<(?:\w+:)?(Invoice|CreditNote)\b/.exec(xml)?.[1]
  if (!root) return ['the document is neither an Invoice nor a CreditNote']
  return (await validateAgainstXsd(xml, path.join(ublDir, 'maindoc', `UBL-${root}-2.1.xsd`))).errors
}

export type Flag = 'fatal' | 'error' | 'warning' | 'information'

export interface CompiledRules {
  schema: Schema
  /** The flag of each assertion, by id, as the rule file declares it. */
  flags: Map<string, Flag>
  /** Assertion ids present in the compiled rules (those node-schematron can run). */
  ids: Set<string>
}

export interface FailedAssert {
  id: string
  flag: Flag
  message: string
}

/**
 * Compiles the EN 16931 rules or the Peppol BIS 3 rules (the Dutch ones among them).
 * `en16931` runs CEN-EN16931-UBL.sch as it is; `peppol` runs PEPPOL-EN16931-UBL.sch without its
 * XSLT functions but u:slack, and without the assertions that call the others; `peppol-nl` only
 * its Dutch rules NL-R-001…009.
 */
export async function compileSchematron(which: 'en16931' | 'peppol' | 'peppol-nl'): Promise<CompiledRules> {
  const file = which === 'en16931' ? 'CEN-EN16931-UBL.sch' : 'PEPPOL-EN16931-UBL.sch'
  let source = fs.readFileSync(path.join(peppolDir, file), 'utf8')
  if (which !== 'en16931') {
    registerSlack()
    source = source.replace(/<function\b[\s\S]*?<\/function>/g, '').replace(/<assert\b[^>]*?\btest="[^"]*(?<![\w-])u:(?!slack\()[^"]*"[\s\S]*?<\/assert>/g, '')
  }
  // Only the pattern of the Dutch rules: many documents checked against one rule at a time run in
  // a fraction of the time the whole file takes.
  if (which === 'peppol-nl') source = source.replace(/<pattern\b[\s\S]*?<\/pattern>/g, (pattern) => (pattern.includes('id="NL-R-001"') ? pattern : ''))
  const flags = new Map<string, Flag>()
  for (const tag of source.match(/<assert\b[^>]*>/g) ?? []) {
    const id = /\bid="([^"]+)"/.exec(tag)?.[1]
    if (id) flags.set(id, (/\bflag="([^"]+)"/.exec(tag)?.[1] ?? 'error') as Flag)
  }
  const schema = Schema.fromString(source)
  return { schema, flags, ids: new Set(flags.keys()) }
}

/** Every assertion the document fails, with its flag (warnings included). */
export function failedAsserts(rules: CompiledRules, xml: string): FailedAssert[] {
  return rules.schema
    .validateString(xml)
    .filter((r) => !r.isReport)
    .map((r) => ({ id: r.assertId ?? '(no id)', flag: rules.flags.get(r.assertId ?? '') ?? 'error', message: (r.message ?? '').replace(/\s+/g, ' ').trim() }))
}

/** The failed assertions that make a document invalid: fatal and error flags. */
export function blockingFailures(rules: CompiledRules, xml: string): FailedAssert[] {
  return failedAsserts(rules, xml).filter((f) => f.flag === 'fatal' || f.flag === 'error')
}
