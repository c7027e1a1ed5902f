/**
 * Gives every cell of a table's rows the heading of its column as `data-label`, so that on a small
 * screen, where a row is shown as a card (30-components.css), each value carries its name. Written
 * once here, on the rows as JSX, so no table has to repeat its headings in every cell.
 *
 * Rows may be written inline, in fragments, arrays or conditions, or by a (synchronous) component:
 * components are called here to reach their cells. A cell that spans columns takes the heading of
 * its first column; a cell that spans every column (a "nothing here" row) gets none.
 */
import { cloneElement, isValidElement, type Child } from 'hono/jsx'

interface Element {
  tag: string | ((props: Record<string, unknown>) => unknown)
  props: Record<string, unknown>
}

const asElement = (node: unknown): Element | null => (isValidElement(node) ? (node as unknown as Element) : null)

/** Calls components and opens fragments until only arrays, plain values and HTML elements are left. */
function expand(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(expand)
  const element = asElement(node)
  if (!element) return node
  if (typeof element.tag === 'function') {
    const result = element.tag({ ...element.props })
    // An async component is left as it is: its cells keep no label, but it renders.
    return result instanceof Promise ? node : expand(result)
  }
  // A fragment's node has the empty tag; its children are in its props.
  if (element.tag === '') return expand(element.props.children)
  return node
}

function flat(node: unknown): unknown[] {
  const expanded = expand(node)
  return Array.isArray(expanded) ? expanded.flatMap(flat) : [expanded]
}

function labelRow(row: Element, labels: Array<string | null>): Child {
  let column = 0
  const cells = flat(row.props.children).map((child) => {
    const cell = asElement(child)
    if (!cell || (cell.tag !== 'td' && cell.tag !== 'th')) return child
    const span = Math.max(1, Number(cell.props.colspan ?? cell.props.colSpan ?? 1) || 1)
    const label = span >= labels.length ? null : (labels[column] ?? null)
    column += span
    if (!label || cell.props['data-label'] !== undefined) return child
    return cloneElement(child as never, { 'data-label': label })
  })
  return cloneElement(row as never, {}, ...(cells as never[]))
}

/**
 * The rows with their cells labelled. `labels[i]` is the heading of column i, or null for a
 * column whose cells need no label.
 *
 * @example labelCells(<tr><td>Fiets</td><td>Prikbord</td></tr>, ['Titel', 'Soort'])
 * // <tr><td data-label="Titel">Fiets</td><td data-label="Soort">Prikbord</td></tr>
 */
export function labelCells(rows: unknown, labels: Array<string | null>): Child {
  return flat(rows).map((node) => {
    const row = asElement(node)
    return row?.tag === 'tr' ? labelRow(row, labels) : (node as Child)
  }) as Child
}
