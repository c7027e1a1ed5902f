import { describe, it, expect } from 'vitest'
import { DataTable } from './components.js'

const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString())

function Row({ title, kind }: { title: string; kind: string }) {
  return (
    <tr>
      <th scope="row">{title}</th>
      <td>{kind}</td>
      <td>
        <a href="/x">Bewerken</a>
      </td>
    </tr>
  )
}

describe('DataTable labels every cell with its column heading', () => {
  it('labels inline rows, rows in fragments and conditions, and rows written by a component', async () => {
    const out = await html(
      <DataTable head={['Titel', 'Soort', { label: 'Acties', hidden: true }]}>
        {[1, 2].map((n) => (
          <tr>
            <td>Item {n}</td>
            {n === 1 ? <td>Prikbord</td> : <td>Agenda</td>}
            <>
              <td>
                <a href="/x">Bewerken</a>
              </td>
            </>
          </tr>
        ))}
        <Row title="Fiets" kind="Aanbod" />
      </DataTable>,
    )
    expect(out).toContain('<td data-label="Titel">Item 1</td><td data-label="Soort">Prikbord</td><td><a href="/x">Bewerken</a></td>')
    expect(out).toContain('<td data-label="Soort">Agenda</td>')
    expect(out).toContain('<th scope="row" data-label="Titel">Fiets</th><td data-label="Soort">Aanbod</td>')
    // The hidden heading gives no label, and the headings themselves are left alone.
    expect(out).not.toContain('data-label="Acties"')
    expect(out).toContain('<th scope="col">Titel</th>')
  })

  it('gives a cell the heading of its first column, and none to a cell across the whole row', async () => {
    const out = await html(
      <DataTable head={['A', 'B', 'C']} caption="Tabel">
        <tr>
          <td colspan={2}>samen</td>
          <td>los</td>
        </tr>
        <tr>
          <td colspan={3}>Niets gevonden</td>
        </tr>
      </DataTable>,
    )
    expect(out).toContain('<td colspan="2" data-label="A">samen</td><td data-label="C">los</td>')
    expect(out).toContain('<td colspan="3">Niets gevonden</td>')
  })

  it('escapes a heading in its attribute', async () => {
    const out = await html(
      <DataTable head={['"x" & <y>', 'B']}>
        <tr>
          <td>1</td>
          <td>2</td>
        </tr>
      </DataTable>,
    )
    expect(out).toContain('data-label="&quot;x&quot; &amp; &lt;y&gt;"')
  })
})
