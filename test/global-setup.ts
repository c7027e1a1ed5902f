/**
 * Runs once before all test files. On PostgreSQL (TEST_DATABASE_URL) it migrates a template
 * database that every test file clones; on PGlite there is nothing to prepare.
 */
import pg from 'pg'
import { openPostgres } from '../src/kernel/db/client.js'
import { migrate } from '../src/kernel/db/migrate.js'
import { TEMPLATE_DB, TEST_DB_PREFIX, withDatabase } from './db.js'

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    process.stdout.write('\nTests run on the embedded database (PGlite) only. Set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL.\n\n')
    return
  }
  process.stdout.write(`\nTests run on PostgreSQL (${new URL(url).host}).\n\n`)
  const admin = new pg.Client({ connectionString: url })
  try {
    await admin.connect()
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL cannot be reached: ${String(err)}`)
  }
  try {
    const old = await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [TEST_DB_PREFIX])
    for (const { datname } of old.rows) await admin.query(`drop database if exists ${datname} with (force)`)
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`)
    await admin.query(`create database ${TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  const database = openPostgres(withDatabase(url, TEMPLATE_DB), 2)
  await migrate(database)
  await database.close()
}
