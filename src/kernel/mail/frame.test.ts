import { describe, expect, it } from 'vitest'
import { mailFrame, paragraphsOf } from './frame.js'

describe('mailFrame', () => {
  it('greets by first name in the recipient’s language, or plainly without one, and signs for the operator', () => {
    const named = mailFrame('Stichting Wijkwerk', { lang: 'en', firstName: 'Noor' }, (t, site) => [`${site}: ${t('layout.privacy')}`])
    expect(named.base).toEqual({ lang: 'en', greeting: 'Hello Noor,', signature: 'Kind regards,\nStichting Wijkwerk', footer: ['WijkConnect: Privacy statement'] })
    const nameless = mailFrame('Stichting Wijkwerk', { lang: 'nl', firstName: null })
    expect(nameless.base.greeting).toBe('Hallo,')
    expect(nameless.base.footer).toBeUndefined()
  })

  it('splits written text on blank lines only', () => {
    expect(paragraphsOf('Eerste regel\nzelfde alinea\n\n  Tweede \n \n\n')).toEqual(['Eerste regel\nzelfde alinea', 'Tweede'])
  })
})
