/**
 * Bank account numbers for SEPA direct debit (P09): read with ibantools (country lengths, BBAN
 * formats and the mod-97 check), kept in electronic form ("NL91ABNA0417164300"), and shown
 * masked everywhere but in the holder's own data export.
 */
import { electronicFormatIBAN, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from 'ibantools'

export type IbanProblem = 'missing' | 'country' | 'length' | 'format' | 'checksum' | 'notSepa'
export type IbanResult = { ok: true; iban: string } | { ok: false; problem: IbanProblem }

/** The IBAN a person typed (spaces, lower case, dots allowed), normalised and checked. */
export function readIban(raw: string): IbanResult {
  const iban = electronicFormatIBAN(raw.replace(/[.-]/g, '')) ?? ''
  if (iban === '') return { ok: false, problem: 'missing' }
  const { valid, errorCodes } = validateIBAN(iban)
  if (!valid) return { ok: false, problem: problemOf(errorCodes) }
  // A direct debit can only be collected from an account in the SEPA area.
  if (!isSEPACountry(iban.slice(0, 2))) return { ok: false, problem: 'notSepa' }
  return { ok: true, iban }
}

function problemOf(codes: ValidationErrorsIBAN[]): IbanProblem {
  if (codes.includes(ValidationErrorsIBAN.NoIBANProvided)) return 'missing'
  if (codes.includes(ValidationErrorsIBAN.NoIBANCountry)) return 'country'
  if (codes.includes(ValidationErrorsIBAN.WrongBBANLength)) return 'length'
  if (codes.includes(ValidationErrorsIBAN.WrongBBANFormat) || codes.includes(ValidationErrorsIBAN.ChecksumNotNumber)) return 'format'
  return 'checksum'
}

/**
 * "NL•• •••• •••• ••34 56": the country and the last four characters, in groups of four as on a
 * bank card, so a holder recognises their account and nobody else learns it.
 */
export function maskIban(iban: string): string {
  const visibleTail = 4
  const masked = [...iban].map((ch, i) => (i < 2 || i >= iban.length - visibleTail ? ch : '•')).join('')
  return masked.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * A SEPA creditor identifier (Incassant-ID): country, two check digits, a three-character business
 * code the check leaves out, and the national identifier ("NL57ZZZ999999999999"). The check digits
 * are ISO 7064 mod 97-10 over the national identifier, the country and the check digits, letters
 * counted as 10–35 (as in an IBAN). Here beside the IBAN, needing nothing, so that configuration
 * can check BILLING_CREDITOR_ID at start and the direct-debit file its creditor with the same rule.
 */
export function isCreditorId(id: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) return false
  let remainder = 0
  for (const ch of id.slice(7) + id.slice(0, 4)) {
    const value = parseInt(ch, 36)
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97
  }
  return remainder === 1
}
