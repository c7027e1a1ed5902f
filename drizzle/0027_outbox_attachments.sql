-- Files sent with a mail (an invoice PDF, issue 14), kept in the outbox row until the row is purged.
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;