/**
 * The entity portal's home: the notices served to the entity (marked read one by one), each request it
 * filed with its state and the date it must be decided by, and its own file — the list entries and records
 * of its public report, each with the way to object, apply for repair or add a statement.
 */
import { useState } from 'react';
import { fetchNotices, fetchReport, markNoticeRead, myObjections, myRepairs, type CreditReport, type Notice, type Objection, type RepairApplication } from '../api.js';
import { CaseBadges, Loading, RequireRole, useLoad } from '../forms.js';
import { useI18n } from '../i18n/context.js';
import { displayName } from '../i18n/locales.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

/** The portal page where the entity acts on a record or a list entry. */
function subjectHref(subject: string): string {
  return `/portal/subjects/${encodeURIComponent(subject)}`;
}

/** The subject a notice lets the entity act on: `record:<id>` or `list:<listId>`. */
function actionSubject(notice: Notice): string {
  return notice.kind === 'list' && notice.content.what.list !== undefined ? `list:${notice.content.what.list.id}` : notice.subject;
}

interface PortalData {
  report: CreditReport;
  notices: Notice[];
  objections: Objection[];
  repairs: RepairApplication[];
}

export function PortalHome() {
  return (
    <RequireRole role="entity">
      <Portal />
    </RequireRole>
  );
}

function Portal() {
  const { t, locale } = useI18n();
  const { principal } = useSession();
  const entityId = principal!.entityId!;
  const [state] = useLoad<PortalData>(async () => {
    const [report, notices, objections, repairs] = await Promise.all([fetchReport(entityId, new AbortController().signal), fetchNotices(), myObjections(), myRepairs()]);
    return { report, notices, objections, repairs };
  }, entityId);

  return (
    <section aria-labelledby="portal-title">
      <h1 id="portal-title">{t('portal.title')}</h1>
      <Loading state={state}>
        {({ report, notices, objections, repairs }) => (
          <>
            <p className="lead" lang={report.entity.names.find((n) => n.value === displayName(report.entity.names, locale))?.lang}>
              {displayName(report.entity.names, locale)}
            </p>
            <Notices initial={notices} />
            <Requests objections={objections} repairs={repairs} />
            <OwnFile report={report} />
          </>
        )}
      </Loading>
    </section>
  );
}

function Notices({ initial }: { initial: Notice[] }) {
  const { t, label, formatDay, formatInstant } = useI18n();
  const [notices, setNotices] = useState(initial);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const unread = notices.filter((n) => n.readAt === null).length;

  const read = async (id: number) => {
    try {
      const updated = await markNoticeRead(id);
      setNotices((all) => all.map((n) => (n.id === id ? updated : n)));
      setFailure(undefined);
    } catch (error) {
      setFailure(t('form.failed', { message: (error as Error).message }));
    }
  };

  return (
    <section aria-labelledby="notices">
      <h2 id="notices">{t('portal.notices')}</h2>
      <p role="status" data-testid="unread-count">
        {t('portal.unread', { count: unread })}
      </p>
      {failure !== undefined && <p role="alert">{failure}</p>}
      {notices.length === 0 && <p>{t('portal.noNotices')}</p>}
      {notices.map((notice) => (
        <article className={notice.readAt === null ? 'card unread' : 'card'} key={notice.id} data-testid="notice" aria-labelledby={`notice-${notice.id}`}>
          <h3 id={`notice-${notice.id}`}>
            {notice.readAt === null && <span className="badge new">{t('portal.new')}</span>} {notice.content.what.title}
          </h3>
          <dl className="facts">
            <dt>{t('portal.servedAt')}</dt>
            <dd>{formatInstant(notice.servedAt)}</dd>
            <dt>{t('entity.authority')}</dt>
            <dd>{notice.content.what.authority}</dd>
            {notice.content.what.record !== undefined && (
              <>
                <dt>{t('entity.decisionNo')}</dt>
                <dd>{notice.content.what.record.decisionNo}</dd>
              </>
            )}
            {notice.content.what.list !== undefined && (
              <>
                <dt>{t('portal.list')}</dt>
                <dd>{label('list', notice.content.what.list.kind)}</dd>
              </>
            )}
            <dt>{t('entity.period')}</dt>
            <dd>
              {notice.content.period.until === undefined
                ? t('entity.periodOpen', { start: formatDay(notice.content.period.from) })
                : t('entity.periodClosed', { start: formatDay(notice.content.period.from), end: formatDay(notice.content.period.until) })}
            </dd>
            <dt>{t('entity.legalBasis')}</dt>
            <dd>{notice.content.legalBasis.map((c) => `${c.instrument} ${c.article}`).join('; ')}</dd>
            <dt>{t('portal.objectBy')}</dt>
            <dd data-testid="objection-deadline">{notice.content.objection === null ? t('portal.noObjection') : formatDay(notice.content.objection.deadline)}</dd>
            <dt>{t('entity.remedies')}</dt>
            <dd>
              {notice.content.remedies.repairable
                ? notice.content.remedies.repairFrom !== undefined
                  ? t('portal.repairFrom', { date: formatDay(notice.content.remedies.repairFrom) })
                  : t('entity.repairable')
                : t('entity.notRepairable')}
            </dd>
          </dl>
          <p className="actions">
            <Link href={subjectHref(actionSubject(notice))}>{t('portal.act')}</Link>
            {notice.readAt === null ? (
              <button type="button" className="secondary" onClick={() => void read(notice.id)} data-testid="mark-read">
                {t('portal.markRead')}
              </button>
            ) : (
              <span className="hint">{t('portal.readAt', { date: formatInstant(notice.readAt) })}</span>
            )}
          </p>
        </article>
      ))}
    </section>
  );
}

function Requests({ objections, repairs }: { objections: Objection[]; repairs: RepairApplication[] }) {
  const { t, label, formatDay, formatInstant } = useI18n();
  const rows = [
    ...objections.map((o) => ({ kind: 'objection' as const, item: o, outcome: o.decision?.outcome, reasons: o.decision?.reasons })),
    ...repairs.map((r) => ({ kind: 'repair' as const, item: r, outcome: r.decision?.outcome, reasons: r.decision?.reasons })),
  ].sort((a, b) => b.item.filedAt.localeCompare(a.item.filedAt));
  return (
    <section aria-labelledby="requests">
      <h2 id="requests">{t('portal.requests')}</h2>
      <p className={rows.length === 0 ? undefined : 'hint'}>{rows.length === 0 ? t('portal.noRequests') : t('portal.requestsHint')}</p>
      <ul className="plain" data-testid="requests">
        {rows.map(({ kind, item, outcome, reasons }) => (
          <li key={item.id} className={item.overdue ? 'card overdue' : 'card'} data-testid={`request-${kind}`}>
            <p>
              <strong>{label('request', kind)}</strong> · <code>{item.subject}</code> <CaseBadges status={item.status} overdue={item.overdue} outcome={outcome} />
            </p>
            <dl className="facts">
              <dt>{t('case.filedAt')}</dt>
              <dd>{formatInstant(item.filedAt)}</dd>
              <dt>{t('case.dueOn')}</dt>
              <dd data-testid="due-on">{formatDay(item.dueOn)}</dd>
              {reasons !== undefined && (
                <>
                  <dt>{t('console.reasons')}</dt>
                  <dd className="quoted">{reasons}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OwnFile({ report }: { report: CreditReport }) {
  const { t, label, formatDay } = useI18n();
  return (
    <section aria-labelledby="own-file">
      <h2 id="own-file">{t('portal.ownFile')}</h2>
      <p>
        <Link href={`/entities/${encodeURIComponent(report.entity.id)}`}>{t('portal.publicReport')}</Link>
      </p>
      {report.lists.length === 0 && report.records.length === 0 && <p>{t('entity.noRecords')}</p>}
      <ul className="plain subjects">
        {report.lists.map((m) => (
          <li key={`${m.listId}/${m.start}`} className="card" data-testid="own-list">
            <strong>{label('list', m.kind)}</strong> <span className="badge">{label('listState', m.state)}</span>
            {m.disputed && <span className="badge disputed">{t('entity.disputed')}</span>}
            <p className="hint">
              {m.authority} · {m.end === undefined ? t('entity.periodOpen', { start: formatDay(m.start) }) : t('entity.periodClosed', { start: formatDay(m.start), end: formatDay(m.end) })}
            </p>
            <Link href={subjectHref(`list:${m.listId}`)}>{t('portal.act')}</Link>
          </li>
        ))}
        {report.records.map((r) => (
          <li key={r.id} className="card" data-testid="own-record">
            <strong>{label('category', r.category)}</strong> · {r.decisionNo}
            {r.disputed && <span className="badge disputed">{t('entity.disputed')}</span>}
            <p>{r.summary}</p>
            <p className="hint">
              {r.authority} · {t('entity.decidedOn')} {formatDay(r.decidedOn)}
            </p>
            {r.statement !== null && <p className="statement">{r.statement.text}</p>}
            <Link href={subjectHref(`record:${r.id}`)} data-testid={`act-record-${r.id}`}>
              {t('portal.act')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
