/**
 * Named (prepared) statements, given by the text of the query. node-postgres sends an unnamed
 * statement unless told otherwise (and PGlite's query() always does), and PostgreSQL then parses
 * and plans it again on every call: on a wijk home that was two thirds of the database's time
 * (about 8 of 12 ms in 13 queries, measured with log_min_duration_statement), the queries
 * themselves taking a few. A named statement is parsed once per connection (per PGlite session),
 * and after five calls PostgreSQL keeps a generic plan when it is no worse than the plans made
 * for the values (plan_cache_mode auto).
 *
 * Left unnamed, and so planned for their own values each time:
 * - matches on text (full text `@@`, trigram `<%`, `%`), whose best plan depends on how common
 *   the word is: one generic plan would read a whole wijk for a rare word, or all matches of a
 *   common one (decisions/024);
 * - maintenance commands (VACUUM, ANALYZE: decisions/037), one text per table and run rarely,
 *   which would only take names from the statements that repeat;
 * - statements beyond the first `max` distinct texts, so a process that builds ever new texts
 *   (an IN list of every length) cannot grow its own or the server's memory without bound. A
 *   session that dropped all its statements starts counting again (`forgetAll`).
 */
import { createHash } from 'node:crypto'

/** Texts whose plan should follow their values: see above. */
const PLANNED_PER_VALUE = /@@|<%|\s%\s/

/** Statements run rarely, one text per table. */
const MAINTENANCE = /^\s*(vacuum|analyze)\b/i

/** Statements that drop all of a session's prepared statements. */
export const DROPS_ALL_STATEMENTS = /^\s*(deallocate\s+(prepare\s+)?all|discard\s+all)\b/i

export class StatementNames {
  readonly #names = new Map<string, string>()

  constructor(private readonly max = 500) {}

  /** The name for this text, or undefined when it stays unnamed. */
  nameOf(text: string): string | undefined {
    const known = this.#names.get(text)
    if (known !== undefined) return known
    if (this.#names.size >= this.max || PLANNED_PER_VALUE.test(text) || MAINTENANCE.test(text)) return undefined
    const name = `wc_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`
    this.#names.set(text, name)
    return name
  }

  /**
   * The session dropped all its statements (DEALLOCATE ALL, DISCARD ALL): it holds none, so the
   * limit counts from zero again, and each text is prepared anew under its name when next used.
   */
  forgetAll(): void {
    this.#names.clear()
  }

  /** How many texts have a name, for the tests. */
  get size(): number {
    return this.#names.size
  }
}
