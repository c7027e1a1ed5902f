import { describe, it, expect } from 'vitest'
import { withoutTrackingParams } from './tracking-params.js'

describe('withoutTrackingParams', () => {
  it('drops campaign and click ids and keeps every other parameter byte for byte, in order', () => {
    expect(withoutTrackingParams('?utm_source=facebook&pagina=2&fbclid=IwAR3x&q=koffie%20thee+zwart')).toBe('?pagina=2&q=koffie%20thee+zwart')
    expect(withoutTrackingParams('?gclid=abc&UTM_Campaign=herfst')).toBe('')
    expect(withoutTrackingParams('?mc_cid=1&mc_eid=2&thema=sport')).toBe('?thema=sport')
    // An encoded name is judged by what it says.
    expect(withoutTrackingParams('?%66bclid=x&a=1')).toBe('?a=1')
  })

  it('leaves a query without them alone, also when a value or a longer name only looks like one', () => {
    expect(withoutTrackingParams('?q=utm_source')).toBeNull()
    expect(withoutTrackingParams('?pagina=3')).toBeNull()
    expect(withoutTrackingParams('?fbclidx=1')).toBeNull()
    expect(withoutTrackingParams('?q=%E0%A4%A')).toBeNull()
  })
})
