/**
 * Content a person placed or co-manages. The owner's items are the person's own: they go into the
 * export with their images, into the archive of a cancelled account, and leave the live database
 * with the users row (owner_id cascades). Items they only co-manage stay with their owner.
 */
import { eq, inArray, or } from 'drizzle-orm'
import { deleteFileQuietly, iso, isoOrNull, type AfterCommitDeps, type PrivacyModule } from '../../kernel/privacy/privacy.js'
import type { ExportSections } from '../my-data/export.schema.js'
import { listImagesOf, listMyContent, type MyContentRow } from './content.owned.js'
import { contentImages, contentInvitations, contentItems, contentManagers } from './content.tables.js'
import { itemPath } from './content.urls.js'

/** Whether the public sees the item now (published and not expired); the owner being active is a given here. */
export function isPubliclyVisible(item: Pick<MyContentRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return item.status === 'published' && (item.expiresAt === null || item.expiresAt > now)
}

/** Where an image is stored in the export's ZIP. */
const imagePath = (contentId: number, imageId: number) => `afbeeldingen/${contentId}-${imageId}.webp`

type ExportedItem = ExportSections['content'][number]

export const contentPrivacy: PrivacyModule<ExportSections> = {
  feature: 'content',
  tables: [
    {
      table: contentItems,
      export: ['content'],
      erase: 'cascade',
      archived: true,
      why:
        'Owned items leave the site at cancellation (the public projection needs an active owner) and the database with the users row; the archive keeps them to come back as drafts on a restore. hidden_by is the id of the wijkbeheerder who hid an item.',
    },
    {
      table: contentImages,
      export: ['content'],
      erase: 'cascade',
      archived: true,
      why: 'Rows go with their item; the files go after the erasure commits, unless another item uses the same file (files are shared by content hash). The archive holds the image bytes.',
    },
    {
      table: contentManagers,
      export: ['content'],
      erase: 'cascade',
      archived: true,
      why: 'Co-managing ends with the account. The archive keeps the co-managers of owned items; they come back when their accounts are still active.',
    },
    {
      table: contentInvitations,
      export: { none: 'An invitation is the inviting owner’s act; an accepted one made the person a co-manager, which the content section shows.' },
      erase: 'delete',
      why: 'Invitations to the person’s address, open or accepted, hold that address: erasure deletes them. invited_by becomes null on invitations the person sent.',
      retention: ['content.invitations'],
    },
  ],

  async exportFor({ db, config, person, now }) {
    const content = await listMyContent(db, person.id)
    // Images only of content the person placed: a co-managed item's pictures are its owner's.
    const images = await listImagesOf(db, content.filter((c) => c.isOwner).map((c) => c.id))
    const files: Array<{ storeKey: string; zipPath: string }> = []
    const imagesByItem = new Map<number, ExportedItem['images']>()
    for (const image of images) {
      const largest = Math.max(...image.widths)
      const zipPath = imagePath(image.contentId, image.id)
      if (Number.isFinite(largest)) files.push({ storeKey: `${image.fileKey}-${largest}.webp`, zipPath })
      const list = imagesByItem.get(image.contentId) ?? []
      list.push({ file: Number.isFinite(largest) ? zipPath : null, alt: image.alt, width: image.width, height: image.height })
      imagesByItem.set(image.contentId, list)
    }
    return {
      files,
      sections: {
        content: content.map((c): ExportedItem => {
          const isPublic = isPubliclyVisible(c, now)
          return {
            id: c.id,
            relation: c.isOwner ? 'owner' : 'co-manager',
            type: c.type,
            status: c.status,
            isPublic,
            publicUrl: isPublic ? `${config.publicBaseUrl}${itemPath(c.wijkSlug, c)}` : null,
            wijk: { id: c.wijkId, name: c.wijkName, city: c.cityName },
            title: c.title,
            summary: c.summary,
            body: c.body,
            createdAt: iso(c.createdAt),
            updatedAt: iso(c.updatedAt),
            publishedAt: isoOrNull(c.publishedAt),
            expiresAt: isoOrNull(c.expiresAt),
            contact: {
              name: { value: c.contactName, public: c.contactNamePublic },
              email: { value: c.contactEmail, public: c.contactEmailPublic },
              phone: { value: c.contactPhone, public: c.contactPhonePublic },
              address: { value: c.contactAddress, public: c.contactAddressPublic },
            },
            details: {
              startsAt: isoOrNull(c.startsAt),
              endsAt: isoOrNull(c.endsAt),
              allDay: c.allDay,
              recurrence: c.recurrence,
              locationText: c.locationText,
              costCents: c.costCents,
              joinInfo: c.joinInfo,
              offers: c.offers,
              openingHours: c.openingHours,
              website: c.website,
              category: c.category,
              priceCents: c.priceCents,
            },
            images: imagesByItem.get(c.id) ?? [],
          }
        }),
      },
    }
  },

  async eraseFor({ tx, person }) {
    // The file keys are read before the rows cascade away; the files go after the commit.
    const images = await tx
      .select({ fileKey: contentImages.fileKey, widths: contentImages.widths })
      .from(contentImages)
      .innerJoin(contentItems, eq(contentItems.id, contentImages.contentId))
      .where(eq(contentItems.ownerId, person.id))
    await tx.delete(contentInvitations).where(or(eq(contentInvitations.email, person.email), eq(contentInvitations.acceptedBy, person.id)))
    return { counts: { images: images.length }, afterCommit: (deps) => removeUnusedImageFiles(deps, images) }
  },
}

/** Image files are shared by content hash: a file goes only when no remaining row uses it. */
async function removeUnusedImageFiles(deps: AfterCommitDeps, images: Array<{ fileKey: string; widths: number[] }>): Promise<void> {
  const keys = [...new Set(images.map((i) => i.fileKey))]
  if (keys.length === 0) return
  const stillUsed = new Set(
    (await deps.db.selectDistinct({ fileKey: contentImages.fileKey }).from(contentImages).where(inArray(contentImages.fileKey, keys))).map((r) => r.fileKey),
  )
  for (const image of images) {
    if (stillUsed.has(image.fileKey)) continue
    for (const width of image.widths) await deleteFileQuietly(deps, `${image.fileKey}-${width}.webp`)
  }
}

