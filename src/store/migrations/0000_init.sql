CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_seq_positive" CHECK ("audit_log"."seq" > 0)
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction" text NOT NULL,
	"legal_form" text,
	"status" text NOT NULL,
	"registered_on" date,
	"origin_node" text NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_names" (
	"entity_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"value" text NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "entity_names_entity_id_position_pk" PRIMARY KEY("entity_id","position")
);
--> statement-breakpoint
CREATE TABLE "entity_relations" (
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	CONSTRAINT "entity_relations_entity_id_kind_target_id_pk" PRIMARY KEY("entity_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"scheme" text NOT NULL,
	"value" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"warnings" jsonb,
	CONSTRAINT "identifiers_scheme_value_pk" PRIMARY KEY("scheme","value")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"file" text NOT NULL,
	"first_line" integer NOT NULL,
	"last_line" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"origin_node" text NOT NULL,
	"source_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"category" text NOT NULL,
	"domain" text NOT NULL,
	"severity" text,
	"authority" text NOT NULL,
	"decision_no" text NOT NULL,
	"decided_on" date NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb,
	"status" text NOT NULL,
	"content_hash" text NOT NULL,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entity_names" ADD CONSTRAINT "entity_names_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_relations" ADD CONSTRAINT "entity_relations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_relations" ADD CONSTRAINT "entity_relations_target_id_entities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entity_relations_target_idx" ON "entity_relations" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "identifiers_entity_idx" ON "identifiers" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "records_source_idx" ON "records" USING btree ("origin_node","source_id");--> statement-breakpoint
CREATE INDEX "records_entity_idx" ON "records" USING btree ("entity_id");