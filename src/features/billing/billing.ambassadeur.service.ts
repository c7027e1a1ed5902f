/**
 * Ambassadeur applications (issue 14): taking one in (the application through the one code path
 * of submitApplication, with its proposed wijk beside it), and approving one, which in the
 * approval's single transaction creates the city when it is new, creates the wijk unlaunched
 * with its postcodes, and makes the applicant its ambassadeur through the roles' own code path;
 * approveApplication then starts the ambassadeur fee. A second approval finds the application
 * decided and makes nothing.
 */
import { eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FormValues } from '../../kernel/http/form.js'
import { DEFAULT_WIJK_COLOUR } from '../places/places.tables.js'
import { createCity, createWijk } from '../places/places.service.js'
import { findCityById, findCityBySlug, placeExists, placeNameTaken } from '../places/places.queries.js'
import { appointInTransaction, refusal } from '../roles/roles.service.js'
import { submitApplication, type Application } from './billing.apply.service.js'
import { ApprovalRefused, approveApplication, type DecideDeps, type DecideResult } from './billing.decide.service.js'
import type { ApprovedWijk } from './billing.emails.js'
import type { ApplicationDetail } from './billing.applications.queries.js'
import { wijkProposals } from './billing.ambassadeur.tables.js'
import { NEW_CITY, slugFromName, type AmbassadeurInput, type ApproveWijkInput, type ProposedCity } from './billing.ambassadeur.schema.js'

const anyWijk = () => true

/** A wijk name whose name or address is in use by a wijk or city of any state. */
async function wijkTaken(db: Db, name: string, slug: string): Promise<boolean> {
  return (await placeExists(db, slug, anyWijk)) || (await placeNameTaken(db, 'wijk', name))
}

/**
 * What the proposal's places refuse, per field: a taken wijk name, an unknown city, a new city
 * that exists. Read from the form as typed, so these are told together with any other mistake.
 */
export async function proposalRefusals(db: Db, values: FormValues): Promise<Record<string, MessageKey>> {
  const errors: Record<string, MessageKey> = {}
  const wijkName = (values.wijkName ?? '').trim()
  const wijkSlug = slugFromName(wijkName)
  if (wijkSlug && (await wijkTaken(db, wijkName, wijkSlug))) errors.wijkName = 'billing.ambassadeur.error.wijkTaken'
  const cityId = values.cityId ?? ''
  const newCity = (values.newCity ?? '').trim()
  if (/^[1-9][0-9]{0,8}$/.test(cityId)) {
    if (!(await findCityById(db, Number(cityId)))) errors.cityId = 'billing.ambassadeur.error.city'
  } else if (cityId === NEW_CITY && newCity !== '') {
    const citySlug = slugFromName(newCity)
    if (citySlug === null) errors.newCity = 'billing.ambassadeur.error.wijkName'
    else if ((await placeExists(db, citySlug, anyWijk)) || (await placeNameTaken(db, 'city', newCity))) errors.newCity = 'billing.ambassadeur.error.cityExists'
    else if (citySlug === wijkSlug) errors.wijkName = 'billing.ambassadeur.error.wijkTaken'
  }
  return errors
}

export async function submitAmbassadeurApplication(deps: Pick<Deps, 'db' | 'clock' | 'config'>, a: Omit<Application, 'kind' | 'input'> & { input: AmbassadeurInput }): Promise<number> {
  const { city, wijkName, postcodes, motivation } = a.input
  return submitApplication(deps, { ...a, kind: 'ambassadeur' }, async (tx, applicationId) => {
    await tx.insert(wijkProposals).values({
      applicationId,
      wijkName,
      cityId: 'id' in city ? city.id : null,
      newCityName: 'id' in city ? null : city.newName,
      postcodes,
      motivation,
    })
  })
}

/** The city the wijk goes in: the chosen one, or the new one, made now (or found, when made meanwhile). */
async function cityFor(tx: Db, deps: Pick<Deps, 'clock'>, actorUserId: string, city: ProposedCity): Promise<number> {
  if ('id' in city) return city.id
  const slug = slugFromName(city.newName)
  if (slug === null) throw new ApprovalRefused({ _form: 'billing.ambassadeur.error.cityExists' })
  const existing = await findCityBySlug(tx, slug)
  if (existing) return existing.id
  const made = await createCity({ db: tx, clock: deps.clock }, { name: city.newName, slug, actorUserId })
  if (!made.ok) throw new ApprovalRefused({ _form: 'billing.ambassadeur.error.cityExists' })
  return made.value
}

type AmbassadeurDecideDeps = DecideDeps & Pick<Deps, 'files'>

/**
 * Approves an ambassadeur application with the wijk's name and address the admin confirmed.
 * A taken name or address, or an applicant whose account is no longer active, refuses the whole
 * approval: nothing is created and the application stays pending.
 */
export async function approveAmbassadeurApplication(deps: AmbassadeurDecideDeps, actorUserId: string, d: ApplicationDetail, wijk: ApproveWijkInput): Promise<DecideResult> {
  const proposal = d.proposal
  if (!proposal) throw new Error(`application ${d.application.id} proposes no wijk`)
  const step = async (tx: Db): Promise<ApprovedWijk> => {
    if (await placeNameTaken(tx, 'wijk', wijk.wijkName)) throw new ApprovalRefused({ wijkName: 'billing.ambassadeur.error.wijkTaken' })
    const city: ProposedCity = proposal.cityId !== null ? { id: proposal.cityId } : { newName: proposal.newCityName! }
    const cityId = await cityFor(tx, deps, actorUserId, city)
    const made = await createWijk(
      { db: tx, clock: deps.clock, files: deps.files },
      {
        name: wijk.wijkName,
        slug: wijk.wijkSlug,
        cityId,
        postcodes: proposal.postcodes,
        introNl: '',
        introEn: '',
        colour: DEFAULT_WIJK_COLOUR,
        removeLogo: false,
        hostName: null,
        centerLat: null,
        centerLon: null,
        logo: null,
        platformHost: new URL(deps.config.publicBaseUrl).hostname,
        actorUserId,
        launch: false,
      },
    )
    if (!made.ok) throw new ApprovalRefused(made.errors.slug ? { wijkSlug: 'billing.ambassadeur.error.wijkTaken' } : { _form: 'billing.ambassadeur.error.city' })
    await tx.update(wijkProposals).set({ wijkId: made.value }).where(eq(wijkProposals.applicationId, d.application.id))
    try {
      await appointInTransaction(tx, deps, { actorUserId, email: d.applicant.email, role: 'ambassadeur', wijkId: made.value })
    } catch (err) {
      refusal(err)
      throw new ApprovalRefused({ _form: 'billing.ambassadeur.error.applicant' })
    }
    return { id: made.value, name: wijk.wijkName }
  }
  return approveApplication(deps, actorUserId, d, step)
}
