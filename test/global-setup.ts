/**
 * Runs once before all test files: migrates one template database that every test file starts
 * from. On PostgreSQL (TEST_DATABASE_URL) a template database each file clones; on PGlite a dump of
 * a migrated data folder each file loads, instead of running initdb and 16 migrations per file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openPglite, openPostgres } from '../src/kernel/db/client.js'
import { migrate } from '../src/kernel/db/migrate.js'
import { TEMPLATE_DB, TEST_DB_PREFIX, withDatabase } from './db.js'
import { buildServer } from './spawn.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file holding the migrated PGlite data folder (tar), or '' on PostgreSQL. */
    pgliteTemplate: string
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  // The server the process tests start, compiled as `npm start` runs it; once here, because two
  // workers compiling into dist/ at once would replace it under each other's feet.
  buildServer()
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    process.stdout.write('\nTests run on the embedded database (PGlite) only. Set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL.\n\n')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-template-'))
    const file = path.join(dir, 'pgdata.tar')
    const database = await openPglite(undefined)
    await migrate(database)
    fs.writeFileSync(file, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()))
    await database.close()
    project.provide('pgliteTemplate', file)
    return () => fs.rmSync(dir, { recursive: true, force: true })
  }
  project.provide('pgliteTemplate', '')
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
