-- Notices keep the JSON text served (json: no jsonb conversion on the write an import makes per record), and a
-- notice.served message refers to its notice instead of carrying a copy of it.
ALTER TABLE "notices" ALTER COLUMN "content" SET DATA TYPE json USING "content"::json;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "payload" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "notice_id" bigint;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "outbox" SET "notice_id" = ("payload"->'notice'->>'id')::bigint, "payload" = NULL WHERE "event" = 'notice.served';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_payload_or_notice" CHECK (("outbox"."payload" is null) <> ("outbox"."notice_id" is null));
