import { describe, it, expect } from 'vitest'
import { euro, parseEuros, ratePercent, vatOf, withVat } from './billing.money.js'

describe('money in cents', () => {
  it('rounds VAT half up to the cent, per rate', () => {
    expect(vatOf(1000, 2100)).toBe(210)
    expect(vatOf(1250, 900)).toBe(113) // 112.5 → 113
    expect(vatOf(1249, 900)).toBe(112) // 112.41
    expect(vatOf(99_99, 0)).toBe(0)
    expect(withVat(12_000, 2100)).toBe(14_520)
    expect(() => vatOf(-1, 2100)).toThrow(RangeError)
    expect(() => vatOf(1.5, 2100)).toThrow(RangeError)
  })

  it('reads the prices an admin types, and refuses what is not one', () => {
    expect(parseEuros('12,50')).toBe(1250)
    expect(parseEuros('12.5')).toBe(1250)
    expect(parseEuros('€ 120')).toBe(12_000)
    expect(parseEuros('1.250,00')).toBe(125_000)
    expect(parseEuros('1,250.00')).toBe(125_000)
    expect(parseEuros('0')).toBe(0)
    // A mark before exactly three digits groups thousands.
    expect(parseEuros('12,505')).toBe(1_250_500)
    for (const bad of ['', 'twaalf', '-5', '12,5,0', '1e3', '12,,5', '12.345,6.7']) expect(parseEuros(bad), bad).toBeNull()
  })

  it('writes amounts and rates the Dutch and the English way', () => {
    expect(euro(125_050, 'nl').replace(/\s/g, ' ')).toBe('€ 1.250,50')
    expect(euro(125_050, 'en')).toBe('€1,250.50')
    expect(ratePercent(900, 'nl')).toBe('9 %')
    expect(ratePercent(2100, 'en')).toBe('21%')
  })
})
