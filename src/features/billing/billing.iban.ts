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
