/**
 * Complaints about the processing of personal data (P29). /klacht is open to everyone (logged in
 * or not; a logged-in user finds name and email filled in) and rate-limited; every page a
 * complainant sees names the Autoriteit Persoonsgegevens. /beheer/klachten is the register.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { readBody, checkForm, readForm, type FormValues, type FieldErrors } from '../../kernel/http/form.js'
import { clientAddress } from '../../kernel/http/client.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { HOUR, DAY } from '../../kernel/clock.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { render } from '../../kernel/ui/render.js'
import { answerSchema, complaintSchema, HONEYPOT_FIELD, listQuerySchema, receivedQuerySchema, statusSchema, COMPLAINT_STATUSES, type ComplaintStatus } from './complaints.schema.js'
import { answerComplaint, changeStatus, fileComplaint } from './complaints.service.js'
import { countByStatus, findComplaint, listComplaints, type Complaint } from './complaints.queries.js'
import { AdminDetailPage, AdminListPage, ComplaintPage, ComplaintReceivedPage } from './complaints.views.js'

export const COMPLAINT_LIMITS = {
  perClient: { max: 5, windowMs: HOUR },
  /** The confirmation goes to the address typed: this keeps the form from being used to flood someone. */
  perAddress: { max: 3, windowMs: DAY },
} satisfies Record<string, Limit>

function complaintPage(c: AppContext, opts: { state?: { values: FormValues; errors?: FieldErrors }; status?: 200 | 422 | 429 } = {}) {
  const t = c.get('t')
  const user = c.get('actor').user
  const prefill = user ? { name: [user.firstName, user.lastName].filter(Boolean).join(' '), email: user.email } : undefined
  c.header('Cache-Control', 'no-store')
  return render(
    c,
    <ComplaintPage t={t} csrfToken={c.get('csrfToken')} state={opts.state} values={prefill} loggedIn={user !== null} limited={opts.status === 429} />,
    { title: t('complaints.title'), status: opts.status ?? 200 },
  )
}

async function loadComplaint(c: AppContext): Promise<Complaint> {
  const complaint = await findComplaint(c.get('deps').db, idParam(c))
  if (!complaint) throw notFound()
  return complaint
}

function detailPage(c: AppContext, complaint: Complaint, answerState?: { values: FormValues; errors: FieldErrors }) {
  const t = c.get('t')
  return render(c, <AdminDetailPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} complaint={complaint} answerState={answerState} />, {
    title: t('complaints.detail.title', { reference: complaint.reference }),
    status: answerState ? 422 : 200,
  })
}

export const complaintsRoutes = new Hono<AppEnv>()
  .get('/klacht', guard('complaint.file'), (c) => complaintPage(c))

  .post('/klacht', guard('complaint.file'), async (c) => {
    const deps = c.get('deps')
    const { db, clock, config } = deps
    const t = c.get('t')
    const body = await readBody(c, { report: true })
    const { values } = body
    const received = (reference: string) => c.redirect(`/klacht/ontvangen?kenmerk=${encodeURIComponent(reference)}`, 303)
    // A filled trap field means a bot: it sees the usual answer, and nothing is stored or sent.
    if ((values[HONEYPOT_FIELD] ?? '') !== '') return c.redirect('/klacht/ontvangen', 303)

    const parsed = checkForm(body, complaintSchema, t)
    if (!parsed.ok) return complaintPage(c, { state: { values, errors: parsed.errors }, status: 422 })

    // Only complaints that would be stored count, so fixing a typo never costs an attempt.
    const now = clock.now()
    for (const [scope, value, limit] of [
      ['complaint-client', clientAddress(c, config.trustProxy), COMPLAINT_LIMITS.perClient],
      ['complaint-address', parsed.data.email, COMPLAINT_LIMITS.perAddress],
    ] as const) {
      const hit = await hitRateLimit(db, rateKey(config.sessionSecret, scope, value), limit, now)
      if (!hit.allowed) {
        c.header('Retry-After', String(hit.retryAfterSeconds))
        return complaintPage(c, { state: { values }, status: 429 })
      }
    }

    const user = c.get('actor').user
    const filed = await fileComplaint(deps, { ...parsed.data, userId: user?.id ?? null, lang: c.get('lang') })
    deps.log.info({ complaintId: filed.id }, 'complaint filed')
    return received(filed.reference)
  })

  .get('/klacht/ontvangen', guard('complaint.file'), (c) => {
    const t = c.get('t')
    // The reference only echoes the query (nothing is looked up), so this page reveals nothing.
    const reference = readQuery(c, receivedQuerySchema).kenmerk ?? null
    return render(c, <ComplaintReceivedPage t={t} reference={reference} />, { title: t('complaints.received.title') })
  })

  .get('/beheer/klachten', guard('complaint.manage'), async (c) => {
    const t = c.get('t')
    const { db } = c.get('deps')
    const { status: filter } = readQuery(c, listQuerySchema)
    const statuses: readonly ComplaintStatus[] = filter === 'open' ? ['received', 'in-progress'] : filter === 'all' ? COMPLAINT_STATUSES : [filter]
    const [rows, counts] = await Promise.all([listComplaints(db, statuses), countByStatus(db)])
    return render(c, <AdminListPage t={t} lang={c.get('lang')} filter={filter} counts={counts} rows={rows} />, { title: t('complaints.admin.title') })
  })

  .get('/beheer/klachten/:id{[0-9]+}', guard('complaint.manage'), async (c) => {
    const complaint = await loadComplaint(c)
    const { db, clock } = c.get('deps')
    // Reading a complaint is access to the complainant's personal data: it shows in their access log.
    await recordAudit(db, clock.now(), {
      actorUserId: c.get('actor').user!.id,
      action: 'complaint.view',
      subjectUserId: complaint.userId,
      targetType: 'complaint',
      targetId: String(complaint.id),
    })
    return detailPage(c, complaint)
  })

  .post('/beheer/klachten/:id{[0-9]+}/status', guard('complaint.manage'), async (c) => {
    const complaint = await loadComplaint(c)
    const form = await readForm(c, statusSchema)
    // The select offers only valid statuses; anything else is a forged request and changes nothing.
    if (!form.ok) return c.redirect(`/beheer/klachten/${complaint.id}`, 303)
    await changeStatus(c.get('deps'), c.get('actor').user!.id, complaint.id, form.data.status)
    return c.redirect(`/beheer/klachten/${complaint.id}?melding=flash.complaints.status`, 303)
  })

  .post('/beheer/klachten/:id{[0-9]+}/antwoord', guard('complaint.manage'), async (c) => {
    const complaint = await loadComplaint(c)
    const form = await readForm(c, answerSchema)
    if (!form.ok) return detailPage(c, complaint, { values: form.values, errors: form.errors })
    if (!(await answerComplaint(c.get('deps'), c.get('actor').user!.id, complaint.id, form.data.answer))) throw notFound()
    return c.redirect(`/beheer/klachten/${complaint.id}?melding=flash.complaints.answered`, 303)
  })
