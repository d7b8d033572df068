/**
 * Generated from docs/openapi.json by openapi-typescript (scripts/write-api-types.ts): do not edit.
 * Regenerate with `npm run api-types` (`npm run openapi` does it too); test/integration/http.test.ts checks it is current.
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the search and check indexes are built */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            node: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search entities, or find one by identifier
         * @description Exactly one of `q` and `identifier`. `q` searches: an identifier in any scheme (normalised; with or without `scheme:`) resolves exactly, anything else ranks names in any script, each hit scored (0–1) and explained (SearchHit items). `identifier` is the exact look-up by `scheme:value` (Entity items, zero or one); `jurisdiction` and `limit` apply to `q` only.
         */
        get: {
            parameters: {
                query?: {
                    /** @description free text: a name in any script, or an identifier */
                    q?: string;
                    /** @description `scheme:value`, e.g. uscc:9144030071526726XG */
                    identifier?: string;
                    /** @description only entities of this jurisdiction */
                    jurisdiction?: "GD" | "HK" | "MO";
                    /** @description how many hits at most */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SearchHit"][];
                        } | {
                            items: components["schemas"]["Entity"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entity of the register */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description `scheme:value` (uscc, hk-brn, hk-cr, mo-reg, lei, aeo) or the internal entity id */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{ref}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An entity's records
         * @description Records in id order, a page at a time; pass `next` back as `after` for the following page.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description `scheme:value` (uscc, hk-brn, hk-cr, mo-reg, lei, aeo) or the internal entity id */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Record"][];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Match a partial entity
         * @description Scores the register against some names (each in its own language), identifiers and a jurisdiction, for screening and linking. An exact identifier is a match with score 1.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MatchRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: components["schemas"]["MatchCandidate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an entity at a point of service
         * @description Which measures apply to the entity in the context, on `at` (default today), and the decision they add up to, with legal basis, implementing authority and the facts behind each. Answered from the check index.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checks/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 1,000 entities at once
         * @description Each item is answered in order with a `result`, or a `problem` of its own; more than 1,000 items is a 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checks: components["schemas"]["CheckRequestInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                result: components["schemas"]["CheckResult"];
                            } | {
                                problem: components["schemas"]["Problem"];
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{ref}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public credit report of an entity
         * @description Identity and names, current list memberships with legal basis, start, end and remedies, ratings in force, and the records inside their publication window (records outside it are not public), with disputed flags, the entity’s statements beside its records, and the policy version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description `scheme:value` or the internal entity id */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreditReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The active policy pack
         * @description The files of the pack checks are answered under now (each parsed to JSON, as simulations and activations take them), and its version: the starting point of a candidate.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: string;
                            /** @description The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON */
                            files: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a candidate policy pack
         * @description Evaluates the candidate against every entity today, beside the active pack, and reports who would enter or leave each list and how many check decisions would change per context. Nothing is changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON */
                        files: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SimulationReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/activations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a policy pack version
         * @description Validates the pack, stores it as the active version of this node and audits the activation; checks are answered under it from then on. The version must not have been used before (409).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON */
                        files: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: string;
                            previousVersion: string;
                            activatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a browser session with a key
         * @description Send the key as `Authorization: Bearer <key>`; the answer sets the `credence_session` cookie (HttpOnly, SameSite=Strict) for at most 8 hours and never longer than the key lives.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            principal: components["schemas"]["Principal"];
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the caller is
         * @description The role and scope of the key or session the request carries; `anonymous` without one.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            principal: components["schemas"]["Principal"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Close the browser session */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a decision
         * @description An officer with the recorder duty records a decision of their own authority, in the interchange format's record shape (`type` may be left out; `subject` is an entity reference). Idempotent on `sourceId`: the same record again answers 200 with the stored one; different content under a recorded `sourceId` is a 409 (correct it instead). Checks, reports and notices follow before the answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default record
                         * @enum {string}
                         */
                        type?: "record";
                        sourceId: string;
                        subject: string;
                        /** @enum {string} */
                        category: "penalty" | "license" | "court-enforcement" | "rating" | "commendation" | "commitment" | "disclosure-default";
                        /** @enum {string} */
                        domain: "market" | "tax" | "customs" | "environment" | "labour" | "work-safety" | "food-drug" | "construction" | "finance" | "procurement" | "transport" | "other-regulatory";
                        /** @enum {string} */
                        severity?: "minor" | "general" | "serious";
                        authority: string;
                        decisionNo: string;
                        decidedOn: string;
                        legalBasis: {
                            instrument: string;
                            article: string;
                        }[];
                        summary: string;
                        /**
                         * @default active
                         * @enum {string}
                         */
                        status?: "active" | "expired" | "repaired" | "revoked" | "corrected";
                        penalty?: {
                            kinds: ("warning" | "public-criticism" | "fine" | "confiscation" | "qualification-downgrade" | "licence-suspension" | "licence-revocation" | "production-restriction" | "business-suspension" | "closure" | "employment-restriction")[];
                            amount?: {
                                value: number;
                                /** @enum {string} */
                                currency: "CNY" | "HKD" | "MOP";
                            };
                        };
                        rating?: {
                            scheme: string;
                            grade: string;
                            score?: number;
                        };
                        court?: {
                            caseNo: string;
                            amountOwed?: {
                                value: number;
                                /** @enum {string} */
                                currency: "CNY" | "HKD" | "MOP";
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Record"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Record"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Record"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/{id}/correction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a record
         * @description Send the fields to correct and the `reason`. The record becomes `corrected` and a new record with the corrected content is created (source id `<sourceId>#c<n>`, `details.corrects` naming the old id), audited; effects follow at once. Subject, authority and source id cannot be corrected (revoke and record anew). Only an active record of your own authority (409 otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category?: "penalty" | "license" | "court-enforcement" | "rating" | "commendation" | "commitment" | "disclosure-default";
                        /** @enum {string} */
                        domain?: "market" | "tax" | "customs" | "environment" | "labour" | "work-safety" | "food-drug" | "construction" | "finance" | "procurement" | "transport" | "other-regulatory";
                        /** @enum {string} */
                        severity?: "minor" | "general" | "serious";
                        decisionNo?: string;
                        decidedOn?: string;
                        legalBasis?: {
                            instrument: string;
                            article: string;
                        }[];
                        summary?: string;
                        penalty?: {
                            kinds: ("warning" | "public-criticism" | "fine" | "confiscation" | "qualification-downgrade" | "licence-suspension" | "licence-revocation" | "production-restriction" | "business-suspension" | "closure" | "employment-restriction")[];
                            amount?: {
                                value: number;
                                /** @enum {string} */
                                currency: "CNY" | "HKD" | "MOP";
                            };
                        };
                        rating?: {
                            scheme: string;
                            grade: string;
                            score?: number;
                        };
                        court?: {
                            caseNo: string;
                            amountOwed?: {
                                value: number;
                                /** @enum {string} */
                                currency: "CNY" | "HKD" | "MOP";
                            };
                        };
                        /** @description Why, as the entity and the audit log will read it */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corrected: components["schemas"]["Record"];
                            record: components["schemas"]["Record"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a record
         * @description The record becomes `revoked` and stops having effect at once; audited with the reason. Only an active record of your own authority (409 otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why, as the entity and the audit log will read it */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Record"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notices
         * @description Notices served to your entity, newest first: for each adverse record and each watch or serious-dishonesty list entry, what was decided, why, the legal basis, the period, the objection deadline, remedies and repair conditions (两书同达). Pass `next` back as `after` for older ones.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notice"][];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notices/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notice read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notice"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set your webhook
         * @description Notices are POSTed to `url` as `{id, event, payload, createdAt}` with `Credence-Event`, `Credence-Delivery` and `Credence-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; any 2xx acknowledges, anything else is retried with backoff. The secret is shown this once; setting the webhook again replaces it. Notices served before are delivered too.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove your webhook
         * @description Notices keep arriving in the inbox; undelivered ones wait for the next webhook.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The node's public signing keys (JWKS)
         * @description Every Ed25519 key of the node, the signing key first; keys retired by rotation stay published so that what they signed still verifies. `kid` is the RFC 7638 thumbprint.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jwks"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{ref}/report.jws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public credit report, signed by this node
         * @description The report of GET /v1/entities/{ref}/report as a compact JWS (RFC 7515, `alg` EdDSA, `typ` credence-report+jwt, `kid` of the signing key in /.well-known/jwks.json). The payload is the report with the claims `iss` (`credence:<node>`), `sub` (entity id), `iat` and `exp`. Any standard JOSE library verifies it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description `scheme:value` or the internal entity id */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description compact JWS */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a signed credit report
         * @description Checks a compact JWS from GET /v1/entities/{ref}/report.jws against the issuer’s JWKS (this node or a partner configured in CREDENCE_PEERS): signature by `kid`, type, expiry and issue time. Send the JWS as the body (`text/plain` or `application/jose`) or as `{"jws": "…"}`. Always 200: `valid` says the outcome and `reason` why not.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        jws: string;
                    };
                    "text/plain": string | {
                        jws: string;
                    };
                    "application/jose": string | {
                        jws: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportVerification"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchange/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of this node’s exchange feed, signed
         * @description For a partner node’s key. Upserts (the record with the fields the sharing agreement in force names, and its entity’s shared identifiers and names) and retractions (repaired, corrected, revoked, expired, or no longer shared), in feed order from `after`. The body is a compact JWS (EdDSA, `kid` in the header, `typ` credence-feed+json) whose payload holds `iss`, `aud`, `iat`, `after`, `next`, `more`, `agreement` and `items`. Ask again with `after` = `next` while `more` is true. While it is, the answer also names the next page in a `Link` header (RFC 8288, `rel="next"`, relative to this URL), so that a partner can ask for it before it has decoded this one; the signed `next` is what counts. 403 when no agreement names the partner.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` cursor of the previous page; absent for the start */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description compact JWS */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchange/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Replication from each partner node
         * @description Per partner this node pulls from: its cursor, the last pull and its error, and the pages rejected so far. No keys are shown.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeStatus"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/watches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key’s watches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Watch"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Watch entities for decision changes
         * @description Registers entities and check contexts (within the key’s own contexts; others are 403) to be told of every change of decision: a new or corrected record, an objection filed or decided, a repair, a policy activation, or expiry. Each entity’s current decisions are the baseline. References that name no entity are listed in `problems` and skipped; the request fails (400) only when all of them do.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        contexts: ("public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering")[];
                        /** @description Entity references (`scheme:value` or internal id), at most 100,000 */
                        entities: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            label: string;
                            contexts: string[];
                            /** @description How many entities the watch holds afterwards */
                            entities: number;
                            createdAt: string;
                            added: number;
                            removed: number;
                            /** @description References naming no entity of the register, or malformed; the first 1,000 are listed in `problems` */
                            rejected: number;
                            problems: {
                                ref: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/watches/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the webhook for watch changes
         * @description Changes of the key’s watches from now on are POSTed to `url` as `watch.changed` messages `{id, event, payload: {watch, changes}, createdAt}`, signed like every Credence webhook (`Credence-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) and retried with backoff until a 2xx. The secret is shown this once; setting the webhook again replaces it. Changes are always offered to pull as well.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove the webhook for watch changes
         * @description Changes keep being recorded to pull; none are pushed until a webhook is set again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/watches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One watch with its decision counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            label: string;
                            contexts: string[];
                            /** @description How many entities the watch holds */
                            entities: number;
                            createdAt: string;
                            decisions: {
                                context: string;
                                decision: string;
                                entities: number;
                            }[];
                            /** @description Cursor of the latest change: pass as `after` to pull only later ones */
                            lastChange: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a watch */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/watches/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add and remove watched entities in bulk
         * @description Removes, then adds; an added entity is told from its current decisions on. A watch holds at most 100,000 entities (409 beyond).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Entity references (`scheme:value` or internal id), at most 100,000 */
                        add?: string[];
                        /** @description Entity references (`scheme:value` or internal id), at most 100,000 */
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many entities the watch holds afterwards */
                            entities: number;
                            added: number;
                            removed: number;
                            /** @description References naming no entity of the register, or malformed; the first 1,000 are listed in `problems` */
                            rejected: number;
                            problems: {
                                ref: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/watches/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pull decision changes of a watch
         * @description Changes after the cursor `after`, oldest first — the same changes the webhook pushes. `next` is always given: pass it as `after` for the next page, and again later to get only what changed since.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WatchChange"][];
                            next: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Object to a record or a list entry
         * @description Files an objection (异议) of the caller’s entity against one of its active local records, or against its current entry on a list (the records behind the entry are objected to). Allowed within the window its notice stated (409 OBJECTION_DEADLINE_PASSED after it); one open objection per subject (409). From filing, reports and check answers show the records as disputed. A reviewer of the deciding authority decides by `dueOn`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A key of the client’s choosing: a retry with the same key returns the first case (200), never a second one */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the case is about: one record, or the entity’s entry on a list (whose records are the facts behind it) */
                        subject: {
                            /** @description A record of the caller’s entity */
                            record: number;
                        } | {
                            /** @description A list the caller’s entity is on */
                            list: string;
                        };
                        grounds: string;
                        /** @description At most 5 files */
                        attachments?: components["schemas"]["AttachmentUploadInput"][];
                    };
                };
            };
            responses: {
                /** @description A retry with the same Idempotency-Key: the objection filed first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Objection"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Objection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One objection
         * @description To the entity that filed it, or an officer of the deciding authority.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Objection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s objections
         * @description Newest first, with status, due date and decision.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Objection"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open objections the reviewer’s authority decides
         * @description Earliest due first; `overdue` once today is past the due date.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Objection"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an objection
         * @description A reviewer of the deciding authority: `upheld` revokes the records concerned or marks them corrected, `rejected` keeps them; either way the dispute mark is cleared (unless another open objection covers a record) and checks see the outcome at once. The same reviewer posting the same decision again (a retry) gets the decided objection back, written once; any other decision of a decided objection is 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "upheld";
                        /**
                         * @description `revoke`: the records stop having effect; `correct`: they are marked corrected (record the corrected decision through the records API)
                         * @enum {string}
                         */
                        action: "revoke" | "correct";
                        /** @description Why, as the entity and the audit log will read it */
                        reasons: string;
                        /** @description The fields found wrong and their right values, kept with the decision */
                        correction?: {
                            [key: string]: unknown;
                        };
                    } | {
                        /** @enum {string} */
                        outcome: "rejected";
                        /** @description Why, as the entity and the audit log will read it */
                        reasons: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Objection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repairs/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a record or list entry can be repaired, and on what conditions
         * @description For a record of the caller’s entity or its entry on a list: not repairable with the reason (and what ends the status instead), or the conditions — minimum publicity period served, obligations fulfilled with evidence, written commitment — each met or not.
         */
        get: {
            parameters: {
                query: {
                    /** @description `record:<id>` or `list:<listId>` */
                    subject: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairEligibility"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply for credit repair
         * @description With the written commitment and the evidence as attachments. Refused with 409 REPAIR_NOT_ALLOWED, naming each reason, when the subject cannot be repaired or a condition the system can check is unmet; one open application per subject (409). A reviewer of the identifying authority decides by `dueOn`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A key of the client’s choosing: a retry with the same key returns the first case (200), never a second one */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the case is about: one record, or the entity’s entry on a list (whose records are the facts behind it) */
                        subject: {
                            /** @description A record of the caller’s entity */
                            record: number;
                        } | {
                            /** @description A list the caller’s entity is on */
                            list: string;
                        };
                        /** @description The credit commitment (信用承诺书) */
                        commitment: string;
                        /** @description At most 5 files */
                        attachments: components["schemas"]["AttachmentUploadInput"][];
                    };
                };
            };
            responses: {
                /** @description A retry with the same Idempotency-Key: the application filed first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairApplication"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairApplication"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repairs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One repair application
         * @description To the entity that applied, or an officer of the deciding authority.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairApplication"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s repair applications
         * @description Newest first, with status, due date and decision.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RepairApplication"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open repair applications the reviewer’s authority decides
         * @description Earliest due first; `overdue` once today is past the due date.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RepairApplication"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repairs/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a repair application
         * @description A reviewer of the identifying authority: `granted` marks the records repaired — they leave the public report and stop having effect, and a list entry resting on them ends — at once; `refused` keeps them, with reasons. Deciding twice is 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "granted" | "refused";
                        /** @description Why, as the entity and the audit log will read it */
                        reasons: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairApplication"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write the entity’s statement beside its record
         * @description One statement per record, at most 2,000 characters; writing again replaces it. The public report shows it beside the record.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Statement"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Delete the entity’s statement beside its record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transparency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transparency figures
         * @description Month by month: list entries and exits (as the active pack evaluates the register today), objections filed, upheld and rejected with the median days to decision, credit repair applications filed, granted and refused, and checks answered per context and decision. Aggregates only. The exchange with partner nodes is `GET /v1/exchange/status`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TransparencyReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProblemInput: {
            /** @description URI reference identifying the problem type, e.g. /problems/entity-not-found */
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            /** @description Stable machine-readable code, e.g. ENTITY_NOT_FOUND */
            code: string;
            errors?: {
                field: string;
                reason: string;
            }[];
        };
        SearchHitInput: {
            entity: {
                id: string;
                jurisdiction: string;
                names: {
                    value: string;
                    /** @enum {string} */
                    lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
                }[];
                identifiers: {
                    scheme: string;
                    value: string;
                }[];
            };
            /** @description 1 for an exact identifier; otherwise the best name similarity */
            score: number;
            /** @description the features that produced the score */
            explanation: string[];
        };
        MatchCandidateInput: {
            entity: {
                id: string;
                jurisdiction: string;
                names: {
                    value: string;
                    /** @enum {string} */
                    lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
                }[];
                identifiers: {
                    scheme: string;
                    value: string;
                }[];
            };
            /** @description 1 for an exact identifier; otherwise the best name similarity */
            score: number;
            /** @description the features that produced the score */
            explanation: string[];
            /** @description score reaches the match threshold (0.8) */
            match: boolean;
        };
        MatchRequestInput: {
            names: {
                value: string;
                /** @enum {string} */
                lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
            }[];
            identifiers?: {
                /** @enum {string} */
                scheme: "uscc" | "hk-brn" | "hk-cr" | "mo-reg" | "lei" | "aeo";
                value: string;
            }[];
            /**
             * @description only entities of this jurisdiction
             * @enum {string}
             */
            jurisdiction?: "GD" | "HK" | "MO";
            /**
             * @description how many hits at most
             * @default 10
             */
            limit: number;
        };
        EntityInput: {
            id: string;
            jurisdiction: string;
            originNode: string;
            legalForm: string | null;
            status: string;
            registeredOn: string | null;
            identifiers: {
                scheme: string;
                value: string;
                warnings?: string[];
            }[];
            names: {
                value: string;
                lang: string;
                kind: string;
                validFrom?: string;
                validTo?: string;
            }[];
            relations: {
                kind: string;
                /** @enum {string} */
                direction: "outgoing" | "incoming";
                entity: {
                    id: string;
                    name: string | null;
                };
            }[];
        };
        RecordInput: {
            id: number;
            sourceId: string;
            originNode: string;
            category: string;
            domain: string;
            severity: string | null;
            authority: string;
            decisionNo: string;
            decidedOn: string;
            legalBasis: {
                instrument: string;
                article: string;
            }[];
            summary: string;
            status: string;
            details: {
                [key: string]: unknown;
            } | null;
        };
        CitationInput: {
            instrument: string;
            article: string;
        };
        /** @description A record that caused an effect */
        FactInput: {
            recordId: string;
            sourceId: string;
            originNode: string;
            category: string;
            decidedOn: string;
            disputed: boolean;
        };
        AppliedMeasureInput: {
            id: string;
            /** @enum {string} */
            kind: "reward" | "discipline";
            /** @enum {string} */
            effect: "deny" | "review" | "restrict" | "increase-inspection" | "fast-track" | "reduce-inspection" | "priority";
            /** @description The implementing authority */
            authority: string;
            readonly legalBasis: components["schemas"]["CitationInput"][];
            readonly because: components["schemas"]["FactInput"][];
        };
        CheckResultInput: {
            /**
             * @description deny if any measure denies, else review if any reviews or restricts, else allow
             * @enum {string}
             */
            decision: "allow" | "review" | "deny";
            /** @description Disciplinary measures that apply */
            readonly measures: components["schemas"]["AppliedMeasureInput"][];
            /** @description Rewards that apply */
            readonly facilitations: components["schemas"]["AppliedMeasureInput"][];
            /** @description A fact behind a measure is under objection */
            disputed: boolean;
            policyVersion: string;
            /** @description The date (YYYY-MM-DD) the decision holds for */
            evaluatedAt: string;
        };
        CheckRequestInput: {
            /** @description `scheme:value` or the internal entity id */
            entity: string;
            /** @description Point of service: public-procurement, customs-clearance, government-subsidy, administrative-licensing, inspection, honours, public-works-tendering */
            context: string;
            /** @description Answer as of this date (YYYY-MM-DD); default today in the GBA */
            at?: string;
        };
        ListMembershipInput: {
            listId: string;
            /** @enum {string} */
            kind: "honour" | "watch" | "serious-dishonesty";
            /** @enum {string} */
            state: "pending" | "active" | "expired";
            triggeredOn: string;
            start: string;
            end?: string;
            authority: string;
            readonly legalBasis: components["schemas"]["CitationInput"][];
            remedies: {
                earlyRemovalFrom?: string;
                readonly earlyRemovalConditions: string[];
                repairable: boolean;
                readonly repairConditions: string[];
                objection?: {
                    days: number;
                    /** @enum {string} */
                    unit: "calendar" | "working";
                };
            };
            readonly because: components["schemas"]["FactInput"][];
            disputed: boolean;
        };
        RatingInForceInput: {
            scheme: string;
            grade: string;
            originNode: string;
            since: string;
            until?: string;
            because: components["schemas"]["FactInput"];
            readonly recognisedAs: {
                rule: string;
                scheme: string;
                grade: string;
                readonly contexts: ("public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering")[];
            }[];
        };
        SimulationReportInput: {
            at: string;
            currentVersion: string;
            candidateVersion: string;
            entities: number;
            lists: {
                list: string;
                entering: {
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                };
                leaving: {
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                };
            }[];
            decisions: {
                /** @enum {string} */
                context: "public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering";
                changed: number;
                changes: {
                    /** @enum {string} */
                    from: "allow" | "review" | "deny";
                    /** @enum {string} */
                    to: "allow" | "review" | "deny";
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                }[];
            }[];
        };
        CreditReportInput: {
            entity: components["schemas"]["EntityInput"];
            policyVersion: string;
            asOf: string;
            /** @description Memberships in effect (active) or in their notice window (pending) */
            lists: components["schemas"]["ListMembershipInput"][];
            ratings: components["schemas"]["RatingInForceInput"][];
            records: {
                id: number;
                sourceId: string;
                originNode: string;
                category: string;
                domain: string;
                severity: string | null;
                authority: string;
                decisionNo: string;
                decidedOn: string;
                legalBasis: {
                    instrument: string;
                    article: string;
                }[];
                summary: string;
                status: string;
                details: {
                    [key: string]: unknown;
                } | null;
                publication: {
                    regime: string;
                    from: string;
                    repairFrom: string;
                    until: string;
                } | null;
                disputed: boolean;
                /** @description The entity’s own statement beside the record, if it wrote one */
                statement: {
                    text: string;
                    updatedAt: string;
                } | null;
            }[];
            disputed: boolean;
        };
        PrincipalInput: {
            /** @enum {string} */
            role: "anonymous" | "entity" | "officer" | "policy-admin" | "service" | "partner";
            keyId?: string;
            entityId?: string;
            authority?: string;
            duties?: string[];
            contexts?: string[];
            node?: string;
        };
        NoticeInput: {
            id: number;
            /** @description `record:<id>` or `list:<listId>:<start>` */
            subject: string;
            /** @enum {string} */
            kind: "record" | "list";
            servedAt: string;
            readAt: string | null;
            content: {
                what: {
                    title: string;
                    authority: string;
                    record?: {
                        id: string;
                        sourceId: string;
                        category: string;
                        decisionNo: string;
                        decidedOn: string;
                    };
                    list?: {
                        id: string;
                        kind: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                    };
                };
                /** @description The facts the decision rests on */
                readonly why: {
                    recordId: string;
                    sourceId: string;
                    originNode: string;
                    category: string;
                    decidedOn: string;
                    disputed: boolean;
                }[];
                readonly legalBasis: {
                    instrument: string;
                    article: string;
                }[];
                period: {
                    from: string;
                    /** @description First day no longer in effect; absent while open-ended */
                    until?: string;
                    regime?: string;
                    /** @enum {string} */
                    state?: "pending" | "active" | "expired";
                    triggeredOn?: string;
                };
                objection: {
                    /** @description Last day to object */
                    deadline: string;
                    days: number;
                    /** @enum {string} */
                    unit: "calendar" | "working";
                    rule: string;
                } | null;
                remedies: {
                    repairable: boolean;
                    notRepairableReason?: string;
                    repairFrom?: string;
                    readonly repairConditions: string[];
                    earlyRemovalFrom?: string;
                    readonly earlyRemovalConditions: string[];
                };
            };
        };
        JwksInput: {
            keys: {
                /** @constant */
                kty: "OKP";
                /** @constant */
                crv: "Ed25519";
                x: string;
                /** @description RFC 7638 thumbprint */
                kid: string;
                /** @constant */
                alg: "EdDSA";
                /** @constant */
                use: "sig";
            }[];
        };
        ReportVerificationInput: {
            /** @constant */
            valid: true;
            /** @description `credence:<node>` */
            issuer: string;
            /** @description the entity id */
            subject: string;
            kid: string;
            issuedAt: string;
            expiresAt: string;
            /** @description the report as signed (CreditReport), without the JWT claims */
            report: {
                [key: string]: unknown;
            };
        } | {
            /** @constant */
            valid: false;
            /** @enum {string} */
            reason: "malformed" | "wrong-type" | "unsupported-algorithm" | "unknown-issuer" | "unknown-key" | "issuer-unreachable" | "bad-signature" | "expired" | "issued-in-future";
            message: string;
            issuer?: string;
            kid?: string;
        };
        ExchangeStatusInput: {
            node: string;
            partners: {
                partner: string;
                /** @description The partner’s base URL (CREDENCE_PEERS) */
                url: string;
                /** @description Where this node’s copy of the partner’s feed stands (opaque) */
                cursor: string;
                pagesApplied: number;
                itemsApplied: number;
                lastPullAt: string | null;
                /** @description Why the last pull stopped early, if it did: partner unreachable or a page rejected */
                lastError: string | null;
                /** @description Pages refused so far: altered, signed by an unknown key, replayed, misaddressed… */
                rejectedPages: number;
                lastRejection: {
                    at: string;
                    /** @description One of malformed, wrong-type, unknown-key, issuer-unreachable, bad-signature, wrong-issuer, wrong-audience, out-of-order */
                    reason: string;
                    message: string;
                } | null;
            }[];
        };
        WatchInput: {
            id: string;
            label: string;
            contexts: string[];
            /** @description How many entities the watch holds */
            entities: number;
            createdAt: string;
        };
        WatchChangeInput: {
            /** @description Position in the watch’s change feed */
            seq: number;
            entity: {
                id: string;
                /** @description A `scheme:value` reference of the entity */
                ref: string | null;
            };
            context: string;
            /** @description The decision last told */
            before: string;
            /** @description The decision now */
            after: string;
            /** @description Why: `import`, `record`, `objection`, `repair`, `exchange`, `policy` or `expiry` (the date alone) */
            cause: string;
            at: string;
        };
        AttachmentUploadInput: {
            filename: string;
            /** @description One of application/pdf, image/png, image/jpeg, text/plain; other types are 415 */
            mediaType: string;
            /** @description The file, base64; at most 2 MiB decoded (413 beyond), and of the declared type (415 otherwise) */
            contentBase64: string;
        };
        AttachmentInput: {
            id: string;
            filename: string;
            mediaType: string;
            size: number;
            /** @description SHA-256 of the decoded bytes, hex */
            sha256: string;
        };
        ObjectionInput: {
            id: string;
            entityId: string;
            /** @description `record:<id>` or `list:<listId>` */
            subject: string;
            /** @description The records concerned */
            recordIds: number[];
            /** @description Who decides: the issuing authority of the record, or the list’s authority */
            authority: string;
            attachments: components["schemas"]["AttachmentInput"][];
            /** @description `open` until decided, then `decided` */
            status: string;
            filedAt: string;
            /** @description The last day for the decision (the pack’s deadline, in working days where it says so) */
            dueOn: string;
            /** @description Still open after its due date */
            overdue: boolean;
            grounds: string;
            decision: ({
                /** @constant */
                outcome: "upheld";
                /**
                 * @description `revoke`: the records stop having effect; `correct`: they are marked corrected (record the corrected decision through the records API)
                 * @enum {string}
                 */
                action: "revoke" | "correct";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                /** @description The fields found wrong and their right values, kept with the decision */
                correction?: {
                    [key: string]: unknown;
                };
                decidedAt: string;
            } | {
                /** @constant */
                outcome: "rejected";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                decidedAt: string;
            }) | null;
        };
        RepairConditionInput: {
            /** @description `publicity-served`, `obligations-fulfilled` or `commitment` */
            id: string;
            description: string;
            /** @description `on-review`: the reviewer decides */
            met: boolean | "on-review";
            detail: string;
        };
        RepairEligibilityInput: {
            subject: string;
            /** @description Who decides (谁认定谁修复) */
            authority: string;
            repairable: boolean;
            /** @description Why not, and what ends the status instead */
            reason?: string;
            /** @description The repair regime of the pack applied */
            regime?: string;
            conditions: components["schemas"]["RepairConditionInput"][];
        };
        RepairApplicationInput: {
            id: string;
            entityId: string;
            /** @description `record:<id>` or `list:<listId>` */
            subject: string;
            /** @description The records concerned */
            recordIds: number[];
            /** @description Who decides: the issuing authority of the record, or the list’s authority */
            authority: string;
            attachments: components["schemas"]["AttachmentInput"][];
            /** @description `open` until decided, then `decided` */
            status: string;
            filedAt: string;
            /** @description The last day for the decision (the pack’s deadline, in working days where it says so) */
            dueOn: string;
            /** @description Still open after its due date */
            overdue: boolean;
            commitment: string;
            /** @description The conditions as checked when the application was filed */
            conditions: components["schemas"]["RepairConditionInput"][];
            /** @description The reviewer’s decision, once decided */
            decision: {
                /** @enum {string} */
                outcome: "granted" | "refused";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                decidedAt: string;
            } | null;
        };
        TransparencyReportInput: {
            node: string;
            /** @description The GBA date the figures are as of */
            asOf: string;
            /** @description The active pack, under which list entries are evaluated */
            policyVersion: string;
            /** @description The last 24 GBA calendar months (YYYY-MM), oldest first */
            months: string[];
            lists: {
                list: string;
                /** @enum {string} */
                kind: "honour" | "watch" | "serious-dishonesty";
                name: {
                    zh: string;
                    en: string;
                    pt?: string;
                };
                /** @description Entities on the list today */
                current: number;
                /** @description Entries taking effect each month */
                entered: number[];
                /** @description Entries ending each month */
                exited: number[];
            }[];
            objections: {
                /** @description One value per month of `months` */
                filed: number[];
                /** @description One value per month of `months` */
                upheld: number[];
                /** @description One value per month of `months` */
                rejected: number[];
                /** @description Median days from filing to decision of the cases decided that month; null when none was */
                medianDaysToDecision: (number | null)[];
            };
            repairs: {
                /** @description One value per month of `months` */
                filed: number[];
                /** @description One value per month of `months` */
                granted: number[];
                /** @description One value per month of `months` */
                refused: number[];
                /** @description Median days from filing to decision of the cases decided that month; null when none was */
                medianDaysToDecision: (number | null)[];
            };
            /** @description Checks answered per context and decision, by the GBA day they were answered */
            checks: {
                /** @enum {string} */
                context: "public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering";
                decisions: {
                    /** @description One value per month of `months` */
                    allow: number[];
                    /** @description One value per month of `months` */
                    review: number[];
                    /** @description One value per month of `months` */
                    deny: number[];
                };
            }[];
        };
        StatementInput: {
            recordId: number;
            text: string;
            updatedAt: string;
        };
        Problem: {
            /** @description URI reference identifying the problem type, e.g. /problems/entity-not-found */
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            /** @description Stable machine-readable code, e.g. ENTITY_NOT_FOUND */
            code: string;
            errors?: {
                field: string;
                reason: string;
            }[];
        };
        SearchHit: {
            entity: {
                id: string;
                jurisdiction: string;
                names: {
                    value: string;
                    /** @enum {string} */
                    lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
                }[];
                identifiers: {
                    scheme: string;
                    value: string;
                }[];
            };
            /** @description 1 for an exact identifier; otherwise the best name similarity */
            score: number;
            /** @description the features that produced the score */
            explanation: string[];
        };
        MatchCandidate: {
            entity: {
                id: string;
                jurisdiction: string;
                names: {
                    value: string;
                    /** @enum {string} */
                    lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
                }[];
                identifiers: {
                    scheme: string;
                    value: string;
                }[];
            };
            /** @description 1 for an exact identifier; otherwise the best name similarity */
            score: number;
            /** @description the features that produced the score */
            explanation: string[];
            /** @description score reaches the match threshold (0.8) */
            match: boolean;
        };
        MatchRequest: {
            names: {
                value: string;
                /** @enum {string} */
                lang?: "zh-Hans" | "zh-Hant" | "en" | "pt";
            }[];
            identifiers?: {
                /** @enum {string} */
                scheme: "uscc" | "hk-brn" | "hk-cr" | "mo-reg" | "lei" | "aeo";
                value: string;
            }[];
            /**
             * @description only entities of this jurisdiction
             * @enum {string}
             */
            jurisdiction?: "GD" | "HK" | "MO";
            /**
             * @description how many hits at most
             * @default 10
             */
            limit: number;
        };
        Entity: {
            id: string;
            jurisdiction: string;
            originNode: string;
            legalForm: string | null;
            status: string;
            registeredOn: string | null;
            identifiers: {
                scheme: string;
                value: string;
                warnings?: string[];
            }[];
            names: {
                value: string;
                lang: string;
                kind: string;
                validFrom?: string;
                validTo?: string;
            }[];
            relations: {
                kind: string;
                /** @enum {string} */
                direction: "outgoing" | "incoming";
                entity: {
                    id: string;
                    name: string | null;
                };
            }[];
        };
        Record: {
            id: number;
            sourceId: string;
            originNode: string;
            category: string;
            domain: string;
            severity: string | null;
            authority: string;
            decisionNo: string;
            decidedOn: string;
            legalBasis: {
                instrument: string;
                article: string;
            }[];
            summary: string;
            status: string;
            details: {
                [key: string]: unknown;
            } | null;
        };
        Citation: {
            instrument: string;
            article: string;
        };
        /** @description A record that caused an effect */
        Fact: {
            recordId: string;
            sourceId: string;
            originNode: string;
            category: string;
            decidedOn: string;
            disputed: boolean;
        };
        AppliedMeasure: {
            id: string;
            /** @enum {string} */
            kind: "reward" | "discipline";
            /** @enum {string} */
            effect: "deny" | "review" | "restrict" | "increase-inspection" | "fast-track" | "reduce-inspection" | "priority";
            /** @description The implementing authority */
            authority: string;
            readonly legalBasis: components["schemas"]["Citation"][];
            readonly because: components["schemas"]["Fact"][];
        };
        CheckResult: {
            /**
             * @description deny if any measure denies, else review if any reviews or restricts, else allow
             * @enum {string}
             */
            decision: "allow" | "review" | "deny";
            /** @description Disciplinary measures that apply */
            readonly measures: components["schemas"]["AppliedMeasure"][];
            /** @description Rewards that apply */
            readonly facilitations: components["schemas"]["AppliedMeasure"][];
            /** @description A fact behind a measure is under objection */
            disputed: boolean;
            policyVersion: string;
            /** @description The date (YYYY-MM-DD) the decision holds for */
            evaluatedAt: string;
        };
        CheckRequest: {
            /** @description `scheme:value` or the internal entity id */
            entity: string;
            /** @description Point of service: public-procurement, customs-clearance, government-subsidy, administrative-licensing, inspection, honours, public-works-tendering */
            context: string;
            /** @description Answer as of this date (YYYY-MM-DD); default today in the GBA */
            at?: string;
        };
        ListMembership: {
            listId: string;
            /** @enum {string} */
            kind: "honour" | "watch" | "serious-dishonesty";
            /** @enum {string} */
            state: "pending" | "active" | "expired";
            triggeredOn: string;
            start: string;
            end?: string;
            authority: string;
            readonly legalBasis: components["schemas"]["Citation"][];
            remedies: {
                earlyRemovalFrom?: string;
                readonly earlyRemovalConditions: string[];
                repairable: boolean;
                readonly repairConditions: string[];
                objection?: {
                    days: number;
                    /** @enum {string} */
                    unit: "calendar" | "working";
                };
            };
            readonly because: components["schemas"]["Fact"][];
            disputed: boolean;
        };
        RatingInForce: {
            scheme: string;
            grade: string;
            originNode: string;
            since: string;
            until?: string;
            because: components["schemas"]["Fact"];
            readonly recognisedAs: {
                rule: string;
                scheme: string;
                grade: string;
                readonly contexts: ("public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering")[];
            }[];
        };
        SimulationReport: {
            at: string;
            currentVersion: string;
            candidateVersion: string;
            entities: number;
            lists: {
                list: string;
                entering: {
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                };
                leaving: {
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                };
            }[];
            decisions: {
                /** @enum {string} */
                context: "public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering";
                changed: number;
                changes: {
                    /** @enum {string} */
                    from: "allow" | "review" | "deny";
                    /** @enum {string} */
                    to: "allow" | "review" | "deny";
                    count: number;
                    /** @description The first entity references */
                    sample: string[];
                }[];
            }[];
        };
        CreditReport: {
            entity: components["schemas"]["Entity"];
            policyVersion: string;
            asOf: string;
            /** @description Memberships in effect (active) or in their notice window (pending) */
            lists: components["schemas"]["ListMembership"][];
            ratings: components["schemas"]["RatingInForce"][];
            records: {
                id: number;
                sourceId: string;
                originNode: string;
                category: string;
                domain: string;
                severity: string | null;
                authority: string;
                decisionNo: string;
                decidedOn: string;
                legalBasis: {
                    instrument: string;
                    article: string;
                }[];
                summary: string;
                status: string;
                details: {
                    [key: string]: unknown;
                } | null;
                publication: {
                    regime: string;
                    from: string;
                    repairFrom: string;
                    until: string;
                } | null;
                disputed: boolean;
                /** @description The entity’s own statement beside the record, if it wrote one */
                statement: {
                    text: string;
                    updatedAt: string;
                } | null;
            }[];
            disputed: boolean;
        };
        Principal: {
            /** @enum {string} */
            role: "anonymous" | "entity" | "officer" | "policy-admin" | "service" | "partner";
            keyId?: string;
            entityId?: string;
            authority?: string;
            duties?: string[];
            contexts?: string[];
            node?: string;
        };
        Notice: {
            id: number;
            /** @description `record:<id>` or `list:<listId>:<start>` */
            subject: string;
            /** @enum {string} */
            kind: "record" | "list";
            servedAt: string;
            readAt: string | null;
            content: {
                what: {
                    title: string;
                    authority: string;
                    record?: {
                        id: string;
                        sourceId: string;
                        category: string;
                        decisionNo: string;
                        decidedOn: string;
                    };
                    list?: {
                        id: string;
                        kind: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                    };
                };
                /** @description The facts the decision rests on */
                readonly why: {
                    recordId: string;
                    sourceId: string;
                    originNode: string;
                    category: string;
                    decidedOn: string;
                    disputed: boolean;
                }[];
                readonly legalBasis: {
                    instrument: string;
                    article: string;
                }[];
                period: {
                    from: string;
                    /** @description First day no longer in effect; absent while open-ended */
                    until?: string;
                    regime?: string;
                    /** @enum {string} */
                    state?: "pending" | "active" | "expired";
                    triggeredOn?: string;
                };
                objection: {
                    /** @description Last day to object */
                    deadline: string;
                    days: number;
                    /** @enum {string} */
                    unit: "calendar" | "working";
                    rule: string;
                } | null;
                remedies: {
                    repairable: boolean;
                    notRepairableReason?: string;
                    repairFrom?: string;
                    readonly repairConditions: string[];
                    earlyRemovalFrom?: string;
                    readonly earlyRemovalConditions: string[];
                };
            };
        };
        Jwks: {
            keys: {
                /** @constant */
                kty: "OKP";
                /** @constant */
                crv: "Ed25519";
                x: string;
                /** @description RFC 7638 thumbprint */
                kid: string;
                /** @constant */
                alg: "EdDSA";
                /** @constant */
                use: "sig";
            }[];
        };
        ReportVerification: {
            /** @constant */
            valid: true;
            /** @description `credence:<node>` */
            issuer: string;
            /** @description the entity id */
            subject: string;
            kid: string;
            issuedAt: string;
            expiresAt: string;
            /** @description the report as signed (CreditReport), without the JWT claims */
            report: {
                [key: string]: unknown;
            };
        } | {
            /** @constant */
            valid: false;
            /** @enum {string} */
            reason: "malformed" | "wrong-type" | "unsupported-algorithm" | "unknown-issuer" | "unknown-key" | "issuer-unreachable" | "bad-signature" | "expired" | "issued-in-future";
            message: string;
            issuer?: string;
            kid?: string;
        };
        ExchangeStatus: {
            node: string;
            partners: {
                partner: string;
                /** @description The partner’s base URL (CREDENCE_PEERS) */
                url: string;
                /** @description Where this node’s copy of the partner’s feed stands (opaque) */
                cursor: string;
                pagesApplied: number;
                itemsApplied: number;
                lastPullAt: string | null;
                /** @description Why the last pull stopped early, if it did: partner unreachable or a page rejected */
                lastError: string | null;
                /** @description Pages refused so far: altered, signed by an unknown key, replayed, misaddressed… */
                rejectedPages: number;
                lastRejection: {
                    at: string;
                    /** @description One of malformed, wrong-type, unknown-key, issuer-unreachable, bad-signature, wrong-issuer, wrong-audience, out-of-order */
                    reason: string;
                    message: string;
                } | null;
            }[];
        };
        Watch: {
            id: string;
            label: string;
            contexts: string[];
            /** @description How many entities the watch holds */
            entities: number;
            createdAt: string;
        };
        WatchChange: {
            /** @description Position in the watch’s change feed */
            seq: number;
            entity: {
                id: string;
                /** @description A `scheme:value` reference of the entity */
                ref: string | null;
            };
            context: string;
            /** @description The decision last told */
            before: string;
            /** @description The decision now */
            after: string;
            /** @description Why: `import`, `record`, `objection`, `repair`, `exchange`, `policy` or `expiry` (the date alone) */
            cause: string;
            at: string;
        };
        AttachmentUpload: {
            filename: string;
            /** @description One of application/pdf, image/png, image/jpeg, text/plain; other types are 415 */
            mediaType: string;
            /** @description The file, base64; at most 2 MiB decoded (413 beyond), and of the declared type (415 otherwise) */
            contentBase64: string;
        };
        Attachment: {
            id: string;
            filename: string;
            mediaType: string;
            size: number;
            /** @description SHA-256 of the decoded bytes, hex */
            sha256: string;
        };
        Objection: {
            id: string;
            entityId: string;
            /** @description `record:<id>` or `list:<listId>` */
            subject: string;
            /** @description The records concerned */
            recordIds: number[];
            /** @description Who decides: the issuing authority of the record, or the list’s authority */
            authority: string;
            attachments: components["schemas"]["Attachment"][];
            /** @description `open` until decided, then `decided` */
            status: string;
            filedAt: string;
            /** @description The last day for the decision (the pack’s deadline, in working days where it says so) */
            dueOn: string;
            /** @description Still open after its due date */
            overdue: boolean;
            grounds: string;
            decision: ({
                /** @constant */
                outcome: "upheld";
                /**
                 * @description `revoke`: the records stop having effect; `correct`: they are marked corrected (record the corrected decision through the records API)
                 * @enum {string}
                 */
                action: "revoke" | "correct";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                /** @description The fields found wrong and their right values, kept with the decision */
                correction?: {
                    [key: string]: unknown;
                };
                decidedAt: string;
            } | {
                /** @constant */
                outcome: "rejected";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                decidedAt: string;
            }) | null;
        };
        RepairCondition: {
            /** @description `publicity-served`, `obligations-fulfilled` or `commitment` */
            id: string;
            description: string;
            /** @description `on-review`: the reviewer decides */
            met: boolean | "on-review";
            detail: string;
        };
        RepairEligibility: {
            subject: string;
            /** @description Who decides (谁认定谁修复) */
            authority: string;
            repairable: boolean;
            /** @description Why not, and what ends the status instead */
            reason?: string;
            /** @description The repair regime of the pack applied */
            regime?: string;
            conditions: components["schemas"]["RepairCondition"][];
        };
        RepairApplication: {
            id: string;
            entityId: string;
            /** @description `record:<id>` or `list:<listId>` */
            subject: string;
            /** @description The records concerned */
            recordIds: number[];
            /** @description Who decides: the issuing authority of the record, or the list’s authority */
            authority: string;
            attachments: components["schemas"]["Attachment"][];
            /** @description `open` until decided, then `decided` */
            status: string;
            filedAt: string;
            /** @description The last day for the decision (the pack’s deadline, in working days where it says so) */
            dueOn: string;
            /** @description Still open after its due date */
            overdue: boolean;
            commitment: string;
            /** @description The conditions as checked when the application was filed */
            conditions: components["schemas"]["RepairCondition"][];
            /** @description The reviewer’s decision, once decided */
            decision: {
                /** @enum {string} */
                outcome: "granted" | "refused";
                /** @description Why, as the entity and the audit log will read it */
                reasons: string;
                decidedAt: string;
            } | null;
        };
        TransparencyReport: {
            node: string;
            /** @description The GBA date the figures are as of */
            asOf: string;
            /** @description The active pack, under which list entries are evaluated */
            policyVersion: string;
            /** @description The last 24 GBA calendar months (YYYY-MM), oldest first */
            months: string[];
            lists: {
                list: string;
                /** @enum {string} */
                kind: "honour" | "watch" | "serious-dishonesty";
                name: {
                    zh: string;
                    en: string;
                    pt?: string;
                };
                /** @description Entities on the list today */
                current: number;
                /** @description Entries taking effect each month */
                entered: number[];
                /** @description Entries ending each month */
                exited: number[];
            }[];
            objections: {
                /** @description One value per month of `months` */
                filed: number[];
                /** @description One value per month of `months` */
                upheld: number[];
                /** @description One value per month of `months` */
                rejected: number[];
                /** @description Median days from filing to decision of the cases decided that month; null when none was */
                medianDaysToDecision: (number | null)[];
            };
            repairs: {
                /** @description One value per month of `months` */
                filed: number[];
                /** @description One value per month of `months` */
                granted: number[];
                /** @description One value per month of `months` */
                refused: number[];
                /** @description Median days from filing to decision of the cases decided that month; null when none was */
                medianDaysToDecision: (number | null)[];
            };
            /** @description Checks answered per context and decision, by the GBA day they were answered */
            checks: {
                /** @enum {string} */
                context: "public-procurement" | "customs-clearance" | "government-subsidy" | "administrative-licensing" | "inspection" | "honours" | "public-works-tendering";
                decisions: {
                    /** @description One value per month of `months` */
                    allow: number[];
                    /** @description One value per month of `months` */
                    review: number[];
                    /** @description One value per month of `months` */
                    deny: number[];
                };
            }[];
        };
        Statement: {
            recordId: number;
            text: string;
            updatedAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
