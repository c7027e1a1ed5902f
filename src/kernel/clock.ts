/**
 * The one source of "now" for business rules (expiry, retention, rate-limit windows).
 * Tests move it forward instead of waiting; production reads the system clock.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock a test can set and advance. @example clock.advance({ hours: 49 }) */
export class ManualClock implements Clock {
  #ms: number
  constructor(start: Date | string = new Date()) {
    this.#ms = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#ms)
  }
  set(to: Date | string): void {
    this.#ms = new Date(to).getTime()
  }
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.#ms +=
      ((by.days ?? 0) * 86_400 + (by.hours ?? 0) * 3_600 + (by.minutes ?? 0) * 60 + (by.seconds ?? 0)) * 1_000
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms)
}
