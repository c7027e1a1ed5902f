/** The wijk team's cover photo page: the current cover (or an invitation to add one), upload and removal. */
import type { T } from '../../kernel/i18n/i18n.js'
import type { FormState } from '../../kernel/ui/components.js'
import { CsrfField, ErrorSummary, Field, Notice } from '../../kernel/ui/components.js'
import type { CoverView } from './places.cover.js'

export function CoverPage(p: {
  t: T
  csrfToken: string
  wijk: { id: number; name: string }
  action: string
  backHref: string
  siteHref: string
  cover: CoverView | null
  state?: FormState
  /** The upload was refused for another field: the browser cannot refill a file input. */
  fileLost?: boolean
}) {
  const { t } = p
  const fileError = p.state?.errors?.cover
  return (
    <>
      <p>
        <a href={p.backHref}>{t('places.cover.back', { wijk: p.wijk.name })}</a>
      </p>
      <h1>{t('places.cover.title', { wijk: p.wijk.name })}</h1>
      <p class="prose">{t('places.cover.intro')}</p>
      {p.cover ? (
        <section aria-labelledby="cover-current">
          <h2 id="cover-current">{t('places.cover.current')}</h2>
          <img class="cover-preview" src={p.cover.src} srcset={p.cover.srcset} sizes="(max-width: 40rem) 100vw, 40rem" width={p.cover.width} height={p.cover.height} alt={p.cover.alt} />
          <p>
            <a href={p.siteHref}>{t('places.cover.view')}</a>
          </p>
          <form method="post" action={`${p.action}/verwijderen`}>
            <CsrfField token={p.csrfToken} />
            <button type="submit" class="secondary">
              {t('places.cover.remove')}
            </button>
          </form>
        </section>
      ) : (
        <Notice kind="info">{t('places.cover.none')}</Notice>
      )}
      <h2>{p.cover ? t('places.cover.replace') : t('places.cover.add')}</h2>
      <ErrorSummary errors={p.state?.errors} t={t} />
      {p.fileLost && <Notice kind="info">{t('places.cover.again')}</Notice>}
      <form method="post" action={p.action} enctype="multipart/form-data" class="stack">
        <CsrfField token={p.csrfToken} />
        <div class="field">
          <label for="cover">{t('places.cover.file')}</label>
          <p class="hint" id="cover-hint">
            {t('places.cover.file.hint')}
          </p>
          {fileError && (
            <p class="field-error" id="cover-error">
              {fileError}
            </p>
          )}
          <input
            type="file"
            id="cover"
            name="cover"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'cover-hint cover-error' : 'cover-hint'}
          />
        </div>
        <Field name="alt" label={t('places.cover.alt')} hint={t('places.cover.alt.hint')} required maxlength={250} state={p.state} t={t} />
        <button type="submit">{t('places.cover.save')}</button>
      </form>
    </>
  )
}
