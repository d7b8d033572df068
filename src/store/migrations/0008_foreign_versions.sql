-- A foreign record keeps its feed version in records (one write per replicated record instead of two); only
-- retractions keep a row of their own, as tombstones.
CREATE TABLE "exchange_tombstones" (
	"partner" text NOT NULL,
	"source_id" text NOT NULL,
	"version" text NOT NULL,
	CONSTRAINT "exchange_tombstones_partner_source_id_pk" PRIMARY KEY("partner","source_id")
);
--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "origin_version" text;--> statement-breakpoint
UPDATE "records" SET "origin_version" = "exchange_items"."version" FROM "exchange_items"
  WHERE "exchange_items"."partner" = "records"."origin_node" AND "exchange_items"."source_id" = "records"."source_id" AND NOT "exchange_items"."retracted";--> statement-breakpoint
INSERT INTO "exchange_tombstones" ("partner", "source_id", "version") SELECT "partner", "source_id", "version" FROM "exchange_items" WHERE "retracted";--> statement-breakpoint
DROP TABLE "exchange_items" CASCADE;
