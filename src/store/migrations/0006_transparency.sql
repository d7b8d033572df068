CREATE TABLE "check_counts" (
	"day" date NOT NULL,
	"context" text NOT NULL,
	"decision" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "check_counts_day_context_decision_pk" PRIMARY KEY("day","context","decision")
);
