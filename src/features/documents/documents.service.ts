import type { Deps } from '../../kernel/context.js'

/** Publishes the shipped privacy statement and terms when none exist yet. */
export async function ensureDefaultDocuments(_deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {}
