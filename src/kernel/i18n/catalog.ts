/**
 * The message catalog as the kernel sees it. The kernel names no feature, so it does not list
 * the messages itself: `src/messages.ts` gathers them, fills in `MessageCatalog` by declaration
 * merging (so every `t('key')` is still checked against the real keys) and installs the same
 * object at start-up with `installMessages`.
 */

/** One message in both languages. */
export interface Message {
  nl: string
  en: string
}

/**
 * Every message key with its texts. Empty here; `src/messages.ts` adds the keys.
 * @example declare module './kernel/i18n/catalog.js' { interface MessageCatalog extends AllMessages {} }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageCatalog {}

export type MessageKey = keyof MessageCatalog & string

let installed: Readonly<Record<string, Message>> | null = null

/** Makes the gathered messages known to the translator; done once when a process starts. */
export function installMessages(catalog: Readonly<Record<string, Message>>): void {
  installed = catalog
}

/** The installed messages. A process that forgot to install them fails loudly here rather than showing keys. */
export function installedMessages(): Readonly<Record<string, Message>> {
  if (!installed) throw new Error('No messages installed: call installMessages(messages) from src/messages.ts at start-up')
  return installed
}
