import type { T } from '../../kernel/i18n/i18n.js'
import { CsrfField } from '../../kernel/ui/components.js'

/**
 * On every page of a wijk that is not launched yet, for the team and admins who may see it: what
 * it means, and the launch button for those who may launch (`back` says where to return).
 */
export function LaunchBanner(p: { t: T; csrfToken: string; wijkId: number; canLaunch: boolean; back: 'site' | 'beheer' }) {
  const { t } = p
  return (
    <section class="notice info launch-banner" aria-labelledby="launch-banner-title">
      <p id="launch-banner-title">
        <strong>{t('places.launch.banner')}</strong>
      </p>
      {p.canLaunch && (
        <form method="post" action={`/beheer/wijken/${p.wijkId}/lanceren`}>
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="terug" value={p.back} />
          <p class="hint">{t('places.launch.hint')}</p>
          <button type="submit">{t('places.launch.button')}</button>
        </form>
      )}
    </section>
  )
}
