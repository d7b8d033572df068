CREATE TABLE "policy_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"node" text NOT NULL,
	"version" text NOT NULL,
	"content" jsonb NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"activated_by" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_version_idx" ON "policy_versions" USING btree ("node","version");