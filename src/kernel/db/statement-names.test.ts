/** Which statements get a name (prepared once per connection) and which are planned per call. */
import { describe, it, expect } from 'vitest'
import { DROPS_ALL_STATEMENTS, StatementNames } from './statement-names.js'

describe('statement names', () => {
  it('gives one text one name, and another text another', () => {
    const names = new StatementNames()
    const a = names.nameOf('select 1 from wijken where id = $1')
    expect(a).toMatch(/^wc_[\w-]{20}$/)
    expect(names.nameOf('select 1 from wijken where id = $1')).toBe(a)
    expect(names.nameOf('select 2 from wijken where id = $1')).not.toBe(a)
  })

  it('leaves matches on text unnamed, so each is planned for how common its word is', () => {
    const names = new StatementNames()
    expect(names.nameOf(`select id from content_items where search @@ websearch_to_tsquery('dutch', $1)`)).toBeUndefined()
    expect(names.nameOf('select id from content_items where $1 <% title')).toBeUndefined()
    expect(names.nameOf('select id from content_items where title % $1')).toBeUndefined()
    expect(names.size).toBe(0)
  })

  it('leaves maintenance commands unnamed: one text per table, run rarely', () => {
    const names = new StatementNames()
    for (const text of ['vacuum "sessions"', 'VACUUM (analyze) "content_items"', '  analyze "jobs"']) expect(names.nameOf(text)).toBeUndefined()
    expect(names.nameOf('select analyze_count from wijken')).toMatch(/^wc_/)
    expect(names.size).toBe(1)
  })

  it('names no more than its limit of texts, and keeps the names it gave', () => {
    const names = new StatementNames(2)
    const first = names.nameOf('select 1')
    names.nameOf('select 2')
    expect(names.nameOf('select 3')).toBeUndefined()
    expect(names.nameOf('select 1')).toBe(first)
    expect(names.size).toBe(2)
  })

  it('counts from zero again once the session dropped all its statements', () => {
    const names = new StatementNames(1)
    names.nameOf('select 1')
    expect(names.nameOf('select 2')).toBeUndefined()
    names.forgetAll()
    expect(names.nameOf('select 2')).toMatch(/^wc_/)
    expect(names.size).toBe(1)
  })

  it('knows the statements that drop them all', () => {
    for (const drop of ['deallocate all', 'DEALLOCATE PREPARE ALL', '  discard all']) expect(DROPS_ALL_STATEMENTS.test(drop)).toBe(true)
    for (const other of ['deallocate wc_abc', 'discard temp', 'select 1']) expect(DROPS_ALL_STATEMENTS.test(other)).toBe(false)
  })
})
