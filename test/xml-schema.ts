/**
 * XSD validation for the files the platform hands to other systems (pain.008 for the bank, UBL for
 * e-invoices), with libxml2's own validator compiled to WebAssembly (xmllint-wasm): the same
 * verdict as `xmllint --schema`, without a system package in CI.
 *
 * The schemas live in ../shared/validators/ beside the checkout (its README); tests only.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { validateXML, memoryPages } from 'xmllint-wasm'

/** The folder of official schemas and rules, beside the project root (CI lays it there too). */
export const VALIDATORS_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared', 'validators')

export interface XsdVerdict {
  valid: boolean
  /** libxml2's messages, e.g. "Element 'InstdAmt': '12,50' is not a valid value of the atomic type …". */
  errors: string[]
}

/**
 * Validates an XML document against the XSD at `xsdPath`, with every schema it imports or
 * includes (followed transitively, by their relative schemaLocation). xmllint-wasm does no file
 * or network IO of its own, so each file is placed in its in-memory file system at the same
 * place relative to the others as on disk.
 */
export async function validateAgainstXsd(xml: string, xsdPath: string): Promise<XsdVerdict> {
  const files = schemaClosure(path.resolve(xsdPath))
  const root = commonFolder([...files.keys()])
  const inMemory = (file: string) => ({ fileName: path.relative(root, file).split(path.sep).join('/'), contents: files.get(file)! })
  const [main, ...imported] = [...files.keys()]
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: inMemory(main!),
    preload: imported.map(inMemory),
    // A batch of 500 debits and the UBL schemas both fit easily; the default 32 MiB does not always.
    maxMemoryPages: 256 * memoryPages.MiB,
  })
  return { valid: result.valid, errors: result.errors.map((e) => e.message) }
}

/** The schema and every file it reaches through xs:import / xs:include / xs:redefine, main first. */
function schemaClosure(mainXsd: string): Map<string, string> {
  const files = new Map<string, string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    const text = readFileSync(file, 'utf8')
    files.set(file, text)
    for (const location of schemaLocations(text)) {
      // A URL is a reference to a well-known schema that libxml2 would fetch: we do not fetch.
      if (!/^[a-z]+:\/\//i.test(location)) visit(path.resolve(path.dirname(file), location))
    }
  }
  visit(mainXsd)
  return files
}

function schemaLocations(xsd: string): string[] {
  const out: string[] = []
  for (const tag of xsd.matchAll(/<(?:\w+:)?(?:import|include|redefine)\b[^>]*>/g)) {
    const location = /schemaLocation\s*=\s*["']([^"']+)["']/.exec(tag[0])
    if (location) out.push(location[1]!)
  }
  return out
}

function commonFolder(files: string[]): string {
  let folder = path.dirname(files[0]!)
  while (!files.every((f) => f.startsWith(folder + path.sep))) folder = path.dirname(folder)
  return folder
}
