/**
 * The public credit report of one entity, as GET /v1/entities/{ref}/report gives it: identity and names,
 * list memberships with legal basis, period and remedies, ratings, the records in their publication window
 * (disputed flags, the entity's statements, records from another node marked by origin), branches and
 * related entities, and the link to the signed report.
 */
import { useEffect, useState } from 'react';
import { ApiError, fetchReport, signedReportUrl, type Citation, type CreditReport, type Membership, type ReportRecord } from '../api.js';
import { useI18n } from '../i18n/context.js';
import { displayName } from '../i18n/locales.js';
import { Link } from '../router.js';
import { DecisionFacts } from './decision-facts.js';

type ReportState = { kind: 'loading' } | { kind: 'loaded'; report: CreditReport } | { kind: 'missing' } | { kind: 'failed'; message: string };

function Citations({ basis }: { basis: readonly Citation[] }) {
  return (
    <ul className="plain">
      {basis.map((c) => (
        <li key={`${c.instrument}/${c.article}`}>
          {c.instrument} {c.article}
        </li>
      ))}
    </ul>
  );
}

export function EntityPage({ reference }: { reference: string }) {
  const { t, locale, formatDay } = useI18n();
  const [state, setState] = useState<ReportState>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchReport(reference, controller.signal).then(
      (report) => setState({ kind: 'loaded', report }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ kind: 'missing' });
        else setState({ kind: 'failed', message: (error as Error).message });
      },
    );
    return () => controller.abort();
  }, [reference]);

  const name = state.kind === 'loaded' ? displayName(state.report.entity.names, locale) : undefined;
  useEffect(() => {
    document.title = name === undefined ? t('app.name') : `${name} · ${t('app.name')}`;
  }, [name, t]);

  if (state.kind === 'loading') return <p role="status">{t('entity.loading')}</p>;
  if (state.kind === 'missing') return <h1>{t('entity.notFound', { ref: reference })}</h1>;
  if (state.kind === 'failed') return <p role="alert">{t('entity.error', { message: state.message })}</p>;

  const { report } = state;
  const { entity } = report;
  const nameLang = entity.names.find((n) => n.value === name)?.lang;
  return (
    <article aria-labelledby="entity-name">
      <h1 id="entity-name" lang={nameLang}>
        {name ?? t('entity.unnamed')}
      </h1>
      <p className="hint">{t('entity.asOf', { date: formatDay(report.asOf.slice(0, 10)), version: report.policyVersion })}</p>
      {report.disputed && (
        <p className="banner" role="note">
          {t('entity.disputedBanner')}
        </p>
      )}
      <p className="download">
        <a href={signedReportUrl(reference)} download={`${reference.replace(/[^\w.-]+/g, '_')}.jws`} className="button" data-testid="download-report">
          {t('entity.download')}
        </a>{' '}
        <span className="hint">{t('entity.downloadHint')}</span>
      </p>
      <Identity report={report} />
      <Lists lists={report.lists} />
      <Ratings report={report} />
      <Records report={report} />
      <Relations report={report} />
    </article>
  );
}

function Identity({ report }: { report: CreditReport }) {
  const { t, label, formatDay } = useI18n();
  const { entity } = report;
  return (
    <section aria-labelledby="identity">
      <h2 id="identity">{t('entity.identity')}</h2>
      <dl className="facts">
        <dt>{t('entity.status')}</dt>
        <dd data-testid="entity-status">{label('status', entity.status)}</dd>
        <dt>{t('entity.jurisdiction')}</dt>
        <dd>{entity.jurisdiction}</dd>
        {entity.legalForm !== null && (
          <>
            <dt>{t('entity.legalForm')}</dt>
            <dd>{entity.legalForm}</dd>
          </>
        )}
        {entity.registeredOn !== null && (
          <>
            <dt>{t('entity.registeredOn')}</dt>
            <dd>{formatDay(entity.registeredOn)}</dd>
          </>
        )}
        <dt>{t('entity.originNode')}</dt>
        <dd>{entity.originNode}</dd>
      </dl>
      <h3>{t('entity.names')}</h3>
      <ul className="plain">
        {entity.names.map((n) => (
          <li key={`${n.lang}/${n.kind}/${n.value}`}>
            <span lang={n.lang}>{n.value}</span> <span className="hint">({label('entity.nameKind', n.kind ?? 'legal')}{n.validTo !== undefined && `, ${t('entity.validUntil', { date: formatDay(n.validTo) })}`})</span>
          </li>
        ))}
      </ul>
      <h3>{t('entity.identifiers')}</h3>
      <ul className="plain">
        {entity.identifiers.map((id) => (
          <li key={`${id.scheme}:${id.value}`}>
            <code>
              {id.scheme}:{id.value}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Period({ start, end }: { start: string; end?: string | undefined }) {
  const { t, formatDay } = useI18n();
  return <>{end === undefined ? t('entity.periodOpen', { start: formatDay(start) }) : t('entity.periodClosed', { start: formatDay(start), end: formatDay(end) })}</>;
}

function Lists({ lists }: { lists: readonly Membership[] }) {
  const { t, label, formatDay, formatNumber } = useI18n();
  return (
    <section aria-labelledby="lists">
      <h2 id="lists">{t('entity.lists')}</h2>
      {lists.length === 0 && <p>{t('entity.noLists')}</p>}
      {lists.map((m) => (
        <div className={`card list-${m.kind}`} key={`${m.listId}/${m.start}`} data-testid="membership">
          <h3>
            {label('list', m.kind)} <span className="badge">{label('listState', m.state)}</span>
            {m.disputed && <span className="badge disputed">{t('entity.disputed')}</span>}
          </h3>
          <dl className="facts">
            <dt>{t('entity.period')}</dt>
            <dd>
              <Period start={m.start} end={m.end} />
            </dd>
            <dt>{t('entity.authority')}</dt>
            <dd>{m.authority}</dd>
            <dt>{t('entity.legalBasis')}</dt>
            <dd>
              <Citations basis={m.legalBasis} />
            </dd>
            <dt>{t('entity.remedies')}</dt>
            <dd>
              <ul className="plain">
                <li>{m.remedies.repairable ? t('entity.repairable') : t('entity.notRepairable')}</li>
                {m.remedies.earlyRemovalFrom !== undefined && <li>{t('entity.earlyRemovalFrom', { date: formatDay(m.remedies.earlyRemovalFrom) })}</li>}
                {m.remedies.objection !== undefined && (
                  <li>{t('entity.objectionWindow', { days: formatNumber(m.remedies.objection.days), unit: t(`entity.unit.${m.remedies.objection.unit}`) })}</li>
                )}
                {[...m.remedies.repairConditions, ...m.remedies.earlyRemovalConditions].length > 0 && (
                  <li>
                    {t('entity.conditions')}: {[...new Set([...m.remedies.repairConditions, ...m.remedies.earlyRemovalConditions])].join('; ')}
                  </li>
                )}
              </ul>
            </dd>
          </dl>
        </div>
      ))}
    </section>
  );
}

function Ratings({ report }: { report: CreditReport }) {
  const { t, formatDay } = useI18n();
  return (
    <section aria-labelledby="ratings">
      <h2 id="ratings">{t('entity.ratings')}</h2>
      {report.ratings.length === 0 && <p>{t('entity.noRatings')}</p>}
      <ul className="plain">
        {report.ratings.map((r) => (
          <li key={`${r.scheme}/${r.since}`}>
            <strong>{r.scheme}</strong>: {r.grade} <span className="hint">({r.until === undefined ? t('entity.ratingSince', { date: formatDay(r.since) }) : <Period start={r.since} end={r.until} />})</span>
            {r.originNode !== report.entity.originNode && <span className="badge foreign">{t('entity.foreign', { node: r.originNode })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Records({ report }: { report: CreditReport }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="records">
      <h2 id="records">{t('entity.records')}</h2>
      <p className="hint">{t('entity.recordsHint')}</p>
      {report.records.length === 0 && <p>{t('entity.noRecords')}</p>}
      {report.records.map((record) => (
        <RecordCard key={record.id} record={record} homeNode={report.entity.originNode} />
      ))}
    </section>
  );
}

function RecordCard({ record, homeNode }: { record: ReportRecord; homeNode: string }) {
  const { t, label, formatDay, formatInstant } = useI18n();
  return (
    <div className="card" data-testid="record">
      <h3>
        {label('category', record.category)}
        {record.disputed && <span className="badge disputed">{t('entity.disputed')}</span>}
        {record.originNode !== homeNode && <span className="badge foreign">{t('entity.foreign', { node: record.originNode })}</span>}
      </h3>
      <p>{record.summary}</p>
      <dl className="facts">
        <DecisionFacts record={record} />
        {record.publication !== null && (
          <>
            <dt>{t('entity.publishedUntil')}</dt>
            <dd>{formatDay(record.publication.until)}</dd>
          </>
        )}
        {record.legalBasis.length > 0 && (
          <>
            <dt>{t('entity.legalBasis')}</dt>
            <dd>
              <Citations basis={record.legalBasis} />
            </dd>
          </>
        )}
      </dl>
      {record.statement !== null && (
        <blockquote className="statement">
          <p className="hint">{t('entity.statement', { date: formatInstant(record.statement.updatedAt) })}</p>
          <p>{record.statement.text}</p>
        </blockquote>
      )}
    </div>
  );
}

function Relations({ report }: { report: CreditReport }) {
  const { t, label } = useI18n();
  const { relations } = report.entity;
  return (
    <section aria-labelledby="relations">
      <h2 id="relations">{t('entity.branches')}</h2>
      {relations.length === 0 && <p>{t('entity.noBranches')}</p>}
      <ul className="plain">
        {relations.map((r) => (
          <li key={`${r.kind}/${r.direction}/${r.entity.id}`}>
            {label('relation', `${r.kind}.${r.direction}`)}: <Link href={`/entities/${encodeURIComponent(r.entity.id)}`}>{r.entity.name ?? t('entity.unnamed')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
