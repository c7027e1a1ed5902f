/**
 * The themes editor of a wijk (/beheer/wijken/:id/themas): rename, reorder, delete, add.
 * Each row has its own form, so its inputs carry the theme's id to stay unique on the page.
 */
import type { T } from '../../kernel/i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, type FormState } from '../../kernel/ui/components.js'
import type { Theme } from '../content/content.themes.js'

export function ThemesPage(p: { t: T; csrfToken: string; wijk: { id: number; name: string }; themes: Theme[]; state?: FormState; rowErrors?: { id: number; message: string } }) {
  const { t } = p
  const base = `/beheer/wijken/${p.wijk.id}/themas`
  return (
    <>
      <p>
        <a href="/beheer">{t('my-content.themes.back')}</a>
      </p>
      <h1>{t('my-content.themes.title', { wijk: p.wijk.name })}</h1>
      <p>{t('my-content.themes.intro')}</p>
      {p.themes.length === 0 ? (
        <p>{t('my-content.themes.none')}</p>
      ) : (
        <ol class="theme-list">
          {p.themes.map((theme, i) => (
            <li>
              <form method="post" action={`${base}/${theme.id}`} class="inline-form">
                <CsrfField token={p.csrfToken} />
                <div class="field">
                  <label for={`nameNl-${theme.id}`}>{t('my-content.themes.nameNl')}</label>
                  <input id={`nameNl-${theme.id}`} name="nameNl" value={theme.nameNl} required maxlength={60} />
                </div>
                <div class="field">
                  <label for={`nameEn-${theme.id}`}>{t('my-content.themes.nameEn')}</label>
                  <input id={`nameEn-${theme.id}`} name="nameEn" value={theme.nameEn} required maxlength={60} />
                </div>
                <button type="submit" aria-label={t('my-content.themes.saveLabel', { name: theme.nameNl })}>
                  {t('my-content.themes.save')}
                </button>
              </form>
              {p.rowErrors?.id === theme.id && <p class="field-error">{p.rowErrors.message}</p>}
              <div class="inline-form">
                {i > 0 && (
                  <form method="post" action={`${base}/${theme.id}/omhoog`}>
                    <CsrfField token={p.csrfToken} />
                    <button type="submit" class="linklike" aria-label={t('my-content.themes.upLabel', { name: theme.nameNl })}>
                      {t('my-content.themes.up')}
                    </button>
                  </form>
                )}
                {i < p.themes.length - 1 && (
                  <form method="post" action={`${base}/${theme.id}/omlaag`}>
                    <CsrfField token={p.csrfToken} />
                    <button type="submit" class="linklike" aria-label={t('my-content.themes.downLabel', { name: theme.nameNl })}>
                      {t('my-content.themes.down')}
                    </button>
                  </form>
                )}
                <form method="post" action={`${base}/${theme.id}/verwijderen`}>
                  <CsrfField token={p.csrfToken} />
                  <button type="submit" class="linklike" aria-label={t('my-content.themes.deleteLabel', { name: theme.nameNl })}>
                    {t('my-content.delete')}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}
      <h2>{t('my-content.themes.add')}</h2>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={base} class="stack">
        <CsrfField token={p.csrfToken} />
        <Field name="nameNl" label={t('my-content.themes.nameNl')} required maxlength={60} state={p.state} t={t} />
        <Field name="nameEn" label={t('my-content.themes.nameEn')} required maxlength={60} state={p.state} t={t} />
        <button type="submit">{t('my-content.themes.addButton')}</button>
      </form>
    </>
  )
}
