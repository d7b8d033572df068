CREATE TABLE "exchange_cursors" (
	"partner" text PRIMARY KEY NOT NULL,
	"cursor" text NOT NULL,
	"last_page_digest" text,
	"pages_applied" bigint DEFAULT 0 NOT NULL,
	"items_applied" bigint DEFAULT 0 NOT NULL,
	"last_pull_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_items" (
	"partner" text NOT NULL,
	"source_id" text NOT NULL,
	"version" text NOT NULL,
	"retracted" boolean NOT NULL,
	CONSTRAINT "exchange_items_partner_source_id_pk" PRIMARY KEY("partner","source_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_rejections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"partner" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"page_digest" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "feed_xid" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
CREATE INDEX "exchange_rejections_partner_idx" ON "exchange_rejections" USING btree ("partner","at");--> statement-breakpoint
CREATE INDEX "records_feed_idx" ON "records" USING btree ("origin_node","feed_xid","id");--> statement-breakpoint
-- Every update of a record moves it to the writing transaction's position in the exchange feed, whoever the
-- writer is (imports, officers, objections, repairs, replication). Inserts get it from the column default.
CREATE FUNCTION credence_records_feed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.feed_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER records_feed_xid BEFORE UPDATE ON records
  FOR EACH ROW EXECUTE FUNCTION credence_records_feed_xid();
