/**
 * /api/docs: the partner API explained for a partner's developer, on our own origin and without
 * script. The list of resources and parameters is read from the OpenAPI document, so the page
 * names exactly what the API accepts. Descriptions from that document are English and marked so.
 */
import type { T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { DataTable } from '../../kernel/ui/components.js'

interface Parameter {
  name: string
  in: string
  description?: string
}

export interface DocOperation {
  path: string
  summary: string
  parameters: Parameter[]
}

/** Every problem code the API answers with, and what it means. */
const PROBLEMS: ReadonlyArray<[code: string, meaning: MessageKey]> = [
  ['key_missing', 'partners.api.keyMissing.detail'],
  ['key_unknown', 'partners.api.keyUnknown.detail'],
  ['key_revoked', 'partners.api.keyRevoked.detail'],
  ['agreement_not_in_force', 'partners.api.notInForce.detail'],
  ['bad_query', 'partners.api.badQuery.detail'],
  ['forbidden', 'partners.api.outOfScope.detail'],
  ['out_of_scope', 'partners.api.typeOutOfScope.detail'],
  ['not_found', 'error.notFound.body'],
  ['rate_limited', 'partners.api.limits.short'],
  ['changes_expired', 'partners.api.changesExpired.short'],
]

export function ApiDocsPage({ t, operations }: { t: T; operations: DocOperation[] }) {
  return (
    <article class="prose">
      <h1>{t('partners.docs.title')}</h1>
      <p>{t('partners.docs.intro')}</p>
      <ul>
        <li>
          <a href="/api/v1/openapi.json">{t('partners.docs.machine')}</a>
        </li>
        <li>
          <a href="/partners">{t('partners.docs.partnersLink')}</a>
        </li>
      </ul>

      <h2 id="sleutel">{t('partners.docs.key.title')}</h2>
      <p>{t('partners.docs.key.body')}</p>
      <pre>
        <code>curl -H "Authorization: Bearer wck_…" https://…/api/v1/activities</code>
      </pre>

      <h2 id="bronnen">{t('partners.docs.resources.title')}</h2>
      {operations.map((op) => (
        <section aria-labelledby={idOf(op.path)}>
          <h3 id={idOf(op.path)}>
            <code>GET {op.path}</code>
          </h3>
          <p lang="en">{op.summary}</p>
          {op.parameters.length > 0 && (
            <DataTable head={[t('partners.docs.parameter'), t('partners.docs.description')]} caption={`${t('partners.docs.parameters')}: ${op.path}`}>
              {op.parameters.map((p) => (
                <tr>
                  {/* Long names and descriptions break rather than push the table past a phone's width. */}
                  <td class="pre-wrap">
                    <code>{p.name}</code>
                  </td>
                  <td class="pre-wrap" lang="en">
                    {p.description ?? ''}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}

      <h2 id="bladeren">{t('partners.docs.paging.title')}</h2>
      <p>{t('partners.docs.paging.body')}</p>
      <h2 id="bijhouden">{t('partners.docs.sync.title')}</h2>
      <p>{t('partners.docs.sync.body')}</p>
      <h2 id="formaten">{t('partners.docs.formats.title')}</h2>
      <p>{t('partners.docs.formats.body')}</p>
      <h2 id="grenzen">{t('partners.docs.limits.title')}</h2>
      <p>{t('partners.docs.limits.body')}</p>

      <h2 id="fouten">{t('partners.docs.problems.title')}</h2>
      <p>{t('partners.docs.problems.body')}</p>
      <dl class="facts">
        {PROBLEMS.map(([code, meaning]) => (
          <>
            <dt id={`problem-${code}`}>
              <code>{code}</code>
            </dt>
            <dd>{t(meaning)}</dd>
          </>
        ))}
      </dl>

      <h2 id="versies">{t('partners.docs.versions.title')}</h2>
      <p>{t('partners.docs.versions.body')}</p>
    </article>
  )
}

function idOf(path: string): string {
  return `api-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`
}
