/**
 * Turns a stored document text into the HTML everyone sees: operator details filled in from
 * configuration, then markdown rendered safely.
 */
import type { Config } from '../../config/env.js'
import { escapeMarkdown, renderMarkdown } from '../../kernel/markdown.js'

type Operator = Config['operator']
const PLACEHOLDER = /\{\{\s*operator\.(name|address|kvk|email)\s*\}\}/g

/**
 * Configuration values are escaped for markdown before rendering, so an operator name can never
 * become a link, markup or HTML; the renderer then escapes whatever HTML is left.
 */
export function fillPlaceholders(body: string, operator: Operator): string {
  return body.replace(PLACEHOLDER, (_whole, key: keyof Operator) => escapeMarkdown(operator[key]))
}

export function documentHtml(body: string, operator: Operator): string {
  return renderMarkdown(fillPlaceholders(body, operator))
}
