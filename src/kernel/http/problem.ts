/**
 * Problem details (RFC 9457): the body of every error a JSON client gets, so a partner's code
 * can branch on `code` and show `detail`, whatever went wrong. `type` points at the API page,
 * where each code is explained.
 *
 * @example return problem(401, 'key_missing', 'API key needed', 'Send Authorization: Bearer <key>.')
 */
export const PROBLEM_TYPE = 'application/problem+json'

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail?: string
  /** Stable, machine-readable: the same as the id of the HTML error page. */
  code: string
  /** For a request that did not fit: which parameter, and why. */
  errors?: Array<{ parameter: string; detail: string }>
}

export function problemBody(status: number, code: string, title: string, detail?: string, errors?: ProblemBody['errors']): ProblemBody {
  return { type: `/api/docs#problem-${code}`, title, status, ...(detail ? { detail } : {}), code, ...(errors ? { errors } : {}) }
}

export function problem(status: number, code: string, title: string, detail?: string, extra: { errors?: ProblemBody['errors']; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(problemBody(status, code, title, detail, extra.errors)), {
    status,
    headers: { 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store', ...extra.headers },
  })
}
