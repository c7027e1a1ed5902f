/** Inputs for appointing someone to a role. */
import { z } from 'zod'
import { email } from '../../kernel/http/form.js'

export const ROLES = ['admin', 'ambassadeur', 'wijkbeheerder'] as const

export const appointSchema = z
  .object({
    /** Email address of an existing, active account. */
    email: email(),
    /** The role to give. */
    role: z.enum(ROLES, { message: 'error.required' }),
    /** The wijk, for ambassadeur and wijkbeheerder; ignored for a platform admin. */
    wijkId: z
      .string()
      .optional()
      .transform((v) => (v && /^[0-9]{1,9}$/.test(v) ? Number(v) : null)),
  })
  .transform((v, ctx) => {
    if (v.role === 'admin') return { ...v, wijkId: null }
    if (v.wijkId === null) {
      ctx.addIssue({ code: 'custom', path: ['wijkId'], message: 'roles.error.wijkRequired' })
      return z.NEVER
    }
    return v
  })
export type AppointInput = z.output<typeof appointSchema>

/** An ambassadeur appoints wijkbeheerders of their own wijk: the role and wijk are fixed. */
export const appointWijkbeheerderSchema = z.object({
  /** Email address of an existing, active account. */
  email: email(),
})
