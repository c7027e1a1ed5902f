/**
 * The mailed link of a role invitation (/rol-uitnodiging/:token). A visitor is sent to log in
 * (or sign up with the invited address) first and comes back; only the account with the invited
 * address may see and accept the offer. Mounted inside rolesRoutes.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { render } from '../../kernel/ui/render.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { findOpenInvitation } from './roles.queries.js'
import { acceptRoleInvitation } from './roles.invitations.js'
import { InvitationOfferPage, InvitationRefusedPage } from './roles.invitations.views.js'

/** What randomToken() makes (43 characters of base64url); anything else cannot be a link of ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

function refused(c: AppContext, reason: 'invalid' | 'otherAccount') {
  const t = c.get('t')
  const heading = t(reason === 'invalid' ? 'roles.invitation.invalidTitle' : 'roles.invitation.otherAccountTitle')
  return render(c, <InvitationRefusedPage t={t} heading={heading} message={t(`roles.invitation.${reason}`)} />, {
    title: heading,
    status: reason === 'invalid' ? 404 : 403,
  })
}

export const roleInvitationRoutes = new Hono<AppEnv>()
  .get('/rol-uitnodiging/:token', guard('role.invitation.accept'), async (c) => {
    const t = c.get('t')
    const token = c.req.param('token')
    const { db, clock } = c.get('deps')
    const invitation = TOKEN.test(token) ? await findOpenInvitation(db, hashToken(token), clock.now()) : null
    if (!invitation) return refused(c, 'invalid')
    if (invitation.email !== c.get('actor').user!.email.toLowerCase()) return refused(c, 'otherAccount')
    return render(c, <InvitationOfferPage t={t} csrfToken={c.get('csrfToken')} invitation={invitation} action={`/rol-uitnodiging/${token}`} />, {
      title: t('roles.invitation.title'),
    })
  })
  .post('/rol-uitnodiging/:token', guard('role.invitation.accept'), async (c) => {
    const token = c.req.param('token')
    if (!TOKEN.test(token)) return refused(c, 'invalid')
    // Only a confirmed address proves the invitation reached this person (sessions already require one).
    if (!c.get('actor').user!.emailVerified) return refused(c, 'otherAccount')
    const result = await acceptRoleInvitation(c.get('deps'), hashToken(token), c.get('actor').user!)
    if (!result.ok) return refused(c, result.reason)
    return c.redirect('/beheer?melding=flash.roles.invitationAccepted', 303)
  })
