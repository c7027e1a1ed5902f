/**
 * The one place that decides who may do what: `can(actor, action, resource)`.
 * Every route names its action through `guard()`; no handler checks roles by itself.
 * Unknown actions are denied. docs/authorization.md is generated from POLICY below.
 */
import { type Actor, isAdmin, hasWijkRole } from './actor.js'
import type { Entitlement } from './entitlements.js'

/** The thing an action is about. Wijk-scoped actions carry the wijk's id. */
export interface Resource {
  wijkId?: number
  /** The account the resource belongs to (own-versus-any rules). */
  ownerId?: string
  /** Co-managers of a content item (P07): they may edit it like the owner. */
  managerIds?: string[]
  /** Several wijken at once (a city's, a partner's scope): a wijk rule allows when it allows any of them. */
  wijkIds?: readonly number[]
  /**
   * What the package of the resource's owner gives (entitlements.ts), read only by the routes
   * and services that ask an entitlement's action; absent means none.
   */
  entitlements?: readonly Entitlement[]
}

interface Rule {
  /** Who may, in words, for docs/authorization.md. */
  who: string
  allow: (actor: Actor, resource: Resource) => boolean
}

/** The resource's owner holds this entitlement through a package in force. */
const entitled =
  (entitlement: Entitlement): Rule['allow'] =>
  (_a, r) =>
    (r.entitlements ?? []).includes(entitlement)

const anyone: Rule['allow'] = () => true
const loggedIn: Rule['allow'] = (a) => a.user !== null
/** The account the resource belongs to (its owner id), and nobody else. */
const owner: Rule['allow'] = (a, r) => a.user !== null && r.ownerId === a.user.id
const admin: Rule['allow'] = (a) => isAdmin(a)
const beheerder: Rule['allow'] = (a) => a.roles.length > 0
/** The ambassadeur or a wijkbeheerder of the resource's wijk. */
const wijkTeam: Rule['allow'] = (a, r) =>
  r.wijkId !== undefined && (hasWijkRole(a, 'ambassadeur', r.wijkId) || hasWijkRole(a, 'wijkbeheerder', r.wijkId))

export const POLICY = {
  'page.view': { who: 'everyone', allow: anyone },
  'account.use': { who: 'everyone (sign up, log in, reset a password)', allow: anyone },
  'account.manage': { who: 'a logged-in account holder, for their own account', allow: loggedIn },
  'beheer.access': { who: 'admins, ambassadeurs and wijkbeheerders', allow: beheerder },
  'city.manage': { who: 'platform admins', allow: admin },
  'wijk.create': { who: 'platform admins', allow: admin },
  'wijk.edit': {
    who: "platform admins, and the ambassadeur and wijkbeheerders of that wijk (the wijk's presentation: intro, colour, logo, links to resident-run websites)",
    allow: (a, r) => isAdmin(a) || wijkTeam(a, r),
  },
  'wijk.preview': {
    who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk (its pages before it is launched)',
    allow: (a, r) => isAdmin(a) || wijkTeam(a, r),
  },
  'wijk.launch': {
    who: 'platform admins, and the ambassadeur of that wijk (makes a prepared wijk public)',
    allow: (a, r) => isAdmin(a) || (r.wijkId !== undefined && hasWijkRole(a, 'ambassadeur', r.wijkId)),
  },
  'wijk.structure': { who: "platform admins (a wijk's address, city, postcodes and host name)", allow: admin },
  'role.manage': { who: 'platform admins', allow: admin },
  'wijkbeheerder.manage': { who: 'platform admins, and the ambassadeur of that wijk', allow: (a, r) => isAdmin(a) || (r.wijkId !== undefined && hasWijkRole(a, 'ambassadeur', r.wijkId)) },
  'role.invitation.accept': { who: 'a logged-in account holder (the invited address; a role invitation)', allow: loggedIn },
  'document.manage': { who: 'platform admins', allow: admin },
  'content.create': { who: 'a logged-in account holder', allow: loggedIn },
  'content.edit': { who: 'the owner of the item and its co-managers', allow: (a, r) => a.user !== null && (r.ownerId === a.user.id || (r.managerIds ?? []).includes(a.user.id)) },
  'content.delete': { who: 'the owner of the item', allow: owner },
  'content.share': { who: 'the owner of the item (invites and revokes co-managers)', allow: owner },
  'content.invitation.accept': { who: 'a logged-in account holder (the invited address)', allow: loggedIn },
  'themes.manage': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'content.contact': { who: 'everyone (the contact form of a public item)', allow: anyone },
  'support.list': { who: 'admins (every request), ambassadeurs and wijkbeheerders (requests about content of their wijk)', allow: beheerder },
  'support.handle': { who: 'platform admins, and the ambassadeur and wijkbeheerders of the wijk a request is about', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'account.cancel.onBehalf': { who: 'platform admins (a cancellation asked for by mail or phone)', allow: admin },
  'archive.manage': { who: 'platform admins (find and restore an archived account)', allow: admin },
  'retention.view': { who: 'platform admins', allow: admin },
  'breach.manage': { who: 'platform admins', allow: admin },
  'complaint.file': { who: 'everyone', allow: anyone },
  'complaint.manage': { who: 'platform admins', allow: admin },
  'register.manage': { who: 'platform admins', allow: admin },
  'stats.view.all': { who: 'platform admins', allow: admin },
  'wijk.manage': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk (the wijk dashboard)', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'wijk.content.moderate': { who: 'platform admins, and the ambassadeur and wijkbeheerders of the wijk the item is in (edit, hide, unhide, handle reports)', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'wijk.users.view': { who: "platform admins, and the ambassadeur and wijkbeheerders of that wijk (first name, last name and email of the wijk's account holders only)", allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'wijk.import': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'wijk.broadcast': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'wijk.assist': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk (content for people without email or computer)', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'newsletter.manage': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk (compose, test, send)', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'newsletter.export': { who: "platform admins, and the ambassadeur and wijkbeheerders of that wijk (the Mailchimp file of that wijk's confirmed subscribers)", allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'newsletter.subscribe': { who: 'everyone (subscribe, confirm and unsubscribe through mailed links)', allow: anyone },
  'content.report': { who: 'a logged-in account holder ("meld dit" on a public item)', allow: loggedIn },
  'partner.list': { who: 'platform admins, and ambassadeurs (the partners whose scope covers their wijk)', allow: (a) => isAdmin(a) || a.roles.some((r) => r.role === 'ambassadeur') },
  'partner.view': {
    who: "platform admins, and the ambassadeur of a wijk in the partner's scope (read only)",
    allow: (a, r) => isAdmin(a) || (r.wijkIds ?? []).some((id) => hasWijkRole(a, 'ambassadeur', id)),
  },
  'partner.manage': { who: 'platform admins (agreements, status, API keys)', allow: admin },
  'stats.view': { who: 'platform admins, and the ambassadeur and wijkbeheerders of that wijk', allow: (a, r) => isAdmin(a) || wijkTeam(a, r) },
  'partner.api.read': {
    who: 'a partner organisation presenting an API key of an agreement in force, for the wijken that agreement covers (public content only, P11)',
    allow: (a, r) => {
      const scope = a.partner?.wijkIds
      if (!scope) return false
      if (r.wijkId !== undefined && !scope.includes(r.wijkId)) return false
      return r.wijkIds === undefined || r.wijkIds.some((id) => scope.includes(id))
    },
  },
  'package.manage': { who: 'platform admins (packages: prices, VAT rates, periods, entitlements)', allow: admin },
  'package.apply': { who: 'a logged-in account holder (applies for a package for an organisation)', allow: loggedIn },
  'package.subscription.own': {
    who: 'the account holder whose organisation holds the package (Mijn pakket: its subscription and mandate, cancelling)',
    allow: owner,
  },
  'package.application.decide': {
    who: "platform admins (applications for a package, the ambassadeur fee's with its proposed wijk included: read, approve, decline)",
    allow: admin,
  },
  'ambassadeur.apply': { who: 'a logged-in account holder (applies for an organisation to start a new wijk as its ambassadeur)', allow: loggedIn },
  'invoice.own': {
    who: 'the account holder an invoice or credit note was issued to (its PDF and e-invoice in Mijn pakket)',
    allow: owner,
  },
  'invoice.manage': { who: 'platform admins (the ledger: payments, returned collections, the journal)', allow: admin },
  'etalage.beyondFree': {
    who: 'the owner, when their package gives `etalage.extra` (Etalage items beyond the free number)',
    allow: (a, r) => a.user !== null && r.ownerId === a.user.id && entitled('etalage.extra')(a, r),
  },
  'organisation.verifiedMark': {
    who: "everyone sees the \"Geverifieerd\" mark on an organisation whose owner's package gives `organisation.verified`",
    allow: entitled('organisation.verified'),
  },
  'content.feature': {
    who: 'the owner of the item (marks it "uitgelicht" on the wijk home, which asks `content.featureOnHome`, or takes the mark off)',
    allow: owner,
  },
  'content.featureOnHome': {
    who: 'the owner, when their package gives `featured` (at most a few items at a time "uitgelicht" on the wijk home; shown only while the package is in force)',
    allow: (a, r) => owner(a, r) && entitled('featured')(a, r),
  },
  'wijk.host.manage': {
    who: "platform admins (who set host names in the wijk's own form), and the ambassadeur of that wijk (the wijk's own host name in the team's settings; setting one asks `wijk.host.own`)",
    allow: (a, r) => isAdmin(a) || (r.wijkId !== undefined && hasWijkRole(a, 'ambassadeur', r.wijkId)),
  },
  'wijk.host.own': {
    who: "the ambassadeur of that wijk, when their package gives `wijk.host` (sets the wijk's own host name)",
    allow: (a, r) => r.wijkId !== undefined && hasWijkRole(a, 'ambassadeur', r.wijkId) && entitled('wijk.host')(a, r),
  },
  'wijk.host.served': {
    who: "everyone reaches a wijk at the host name its ambassadeur set while the package of an ambassadeur of the wijk gives `wijk.host` (one set by a platform admin always)",
    allow: entitled('wijk.host'),
  },
  'partner.widgets.manage': { who: "platform admins (a partner's widgets: create, edit, delete, preview)", allow: admin },
  'partner.widgets.view': {
    who: "everyone (a partner's widget on its website: the route shows it only while the agreement is in force, within its scope, P11)",
    allow: anyone,
  },
} satisfies Record<string, Rule>

export type Action = keyof typeof POLICY

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (!Object.hasOwn(POLICY, action)) return false
  return POLICY[action].allow(actor, resource)
}
