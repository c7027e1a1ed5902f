import { describe, it, expect } from 'vitest'
import { ASSETS } from './assets.js'
import { Icon, ICON_NAMES } from './icons.js'

const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString())

/** The icon as JSX would write it: the markup the text form must keep, attribute for attribute. */
function JsxIcon(p: { name: string; label?: string; class?: string }) {
  const cls = p.class ? `icon ${p.class}` : 'icon'
  const use = <use href={`${ASSETS.icons.url}#${p.name}`} />
  if (p.label) {
    return (
      <svg class={cls} width="16" height="16" role="img" aria-label={p.label}>
        {use}
      </svg>
    )
  }
  return (
    <svg class={cls} width="16" height="16" aria-hidden="true" focusable="false">
      {use}
    </svg>
  )
}

describe('Icon', () => {
  it('writes the same markup as JSX, inside a page as on its own', async () => {
    for (const name of ICON_NAMES) {
      for (const props of [{}, { class: 'big' }, { label: 'Waar' }, { label: 'Prijs', class: 'small' }]) {
        expect(await html(<Icon name={name} {...props} />)).toBe(await html(<JsxIcon name={name} {...props} />))
        expect(await html(
          <p>
            <Icon name={name} {...props} /> tekst
          </p>,
        )).toBe(await html(
          <p>
            <JsxIcon name={name} {...props} /> tekst
          </p>,
        ))
      }
    }
  })

  it('escapes its label, which may come from a translation with quotes or markup', async () => {
    const out = await html(<Icon name="pin" label={`Plaats "hier" & <daar>`} />)
    expect(out).toContain('aria-label="Plaats &quot;hier&quot; &amp; &lt;daar&gt;"')
    expect(out).not.toContain('<daar>')
  })

  it('builds each decorative icon once: the same text for every page', () => {
    expect(Icon({ name: 'pin' })).toBe(Icon({ name: 'pin' }))
    expect(Icon({ name: 'pin', class: 'big' })).toBe(Icon({ name: 'pin', class: 'big' }))
    expect(Icon({ name: 'pin' })).not.toBe(Icon({ name: 'pin', class: 'big' }))
    expect(String(Icon({ name: 'pin' }))).toContain('aria-hidden="true"')
  })
})
