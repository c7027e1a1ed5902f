import { describe, it, expect } from 'vitest'
import { csvCell, csvDocument } from './csv.js'

describe('CSV cells', () => {
  it('quote what needs quoting and disarm formulas, but leave plain numbers alone', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('-25.00')).toBe('-25.00')
    expect(csvCell(-7)).toBe('-7')
    expect(csvCell(null)).toBe('')
  })

  it('end every line with CRLF', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n')
  })
})
