/**
 * A migrated database per test file, as the template left it: in-memory PGlite loaded from the
 * migrated template by default (one per worker, reset between files: pglite-reuse.ts), or with
 * TEST_DATABASE_URL a new PostgreSQL database cloned from a migrated template (both templates made
 * once by global-setup).
 */
import fs from 'node:fs'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { openPglite, openPostgres, type Database } from '../src/kernel/db/client.js'
import { readTemplate, resetToTemplate, type Template } from './pglite-reuse.js'

/**
 * TEST_DB_NAMESPACE (letters and digits) keeps runs from different checkouts on one server apart:
 * each run drops only its own leftover databases.
 */
const namespace = (process.env.TEST_DB_NAMESPACE ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')
export const TEMPLATE_DB = namespace ? `wc_test_template_${namespace}` : 'wc_test_template'
export const TEST_DB_PREFIX = namespace ? `wc_t${namespace}_` : 'wc_t_'

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** This worker's embedded database while no file uses it, and what the template holds. */
let idle: Database | undefined
let template: Template | undefined

async function openEmbeddedTestDatabase(): Promise<Database> {
  let database = idle
  idle = undefined
  if (!database) {
    const dump = inject('pgliteTemplate')
    database = await openPglite(undefined, dump ? new Blob([fs.readFileSync(dump)]) : undefined)
    template ??= await readTemplate(database)
  }
  const opened = database
  let closed = false
  return {
    ...opened,
    async close() {
      if (closed) return
      closed = true
      // Kept for the next file only when it is the template again; a second one open at once is closed.
      if (!idle && (await resetToTemplate(opened, template!))) idle = opened
      else await opened.close()
    },
  }
}

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) return openEmbeddedTestDatabase()
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  const database = openPostgres(withDatabase(url, name), 5)
  const close = database.close
  return {
    ...database,
    async close() {
      await close()
      const drop = new pg.Client({ connectionString: url })
      await drop.connect()
      await drop.query(`drop database if exists ${name} with (force)`).catch(() => {})
      await drop.end()
    },
  }
}
