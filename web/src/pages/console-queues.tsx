/**
 * The officer console's queues: the open objections and repair applications the officer's authority
 * decides, earliest due first, an overdue one marked in red and by a text badge; each decided here with
 * reasons (upheld — revoking or correcting the records — or rejected; granted or refused).
 */
import { useId, useState, type FormEvent } from 'react';
import { decideObjection, decideRepair, objectionQueue, repairQueue, type FieldProblem, type Objection, type RepairApplication } from '../api.js';
import { CaseBadges, Field, FormError, Loading, RequireRole, fieldProblems, problemsOf, useLoad } from '../forms.js';
import { useI18n } from '../i18n/context.js';
import { Link, useLocation } from '../router.js';

/** Queues and recording, the console's two pages. */
export function ConsoleNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <nav aria-label={t('console.title')} className="subnav">
      <Link href="/console" aria-current={path === '/console' ? 'page' : undefined}>
        {t('console.queues')}
      </Link>
      <Link href="/console/records" aria-current={path === '/console/records' ? 'page' : undefined}>
        {t('console.recordsTitle')}
      </Link>
    </nav>
  );
}

export function ConsoleQueues() {
  return (
    <RequireRole role="officer">
      <Queues />
    </RequireRole>
  );
}

const byDue = <T extends { dueOn: string; filedAt: string }>(items: T[]) => [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.filedAt.localeCompare(b.filedAt));

function Queues() {
  const { t } = useI18n();
  const [state] = useLoad(async () => {
    const [objections, repairs] = await Promise.all([objectionQueue(), repairQueue()]);
    return { objections: byDue(objections), repairs: byDue(repairs) };
  }, 'queues');
  return (
    <section aria-labelledby="console-title">
      <ConsoleNav />
      <h1 id="console-title">{t('console.title')}</h1>
      <Loading state={state}>
        {({ objections, repairs }) => (
          <>
            <Queue kind="objection" title={t('console.objections')} items={objections} />
            <Queue kind="repair" title={t('console.repairs')} items={repairs} />
          </>
        )}
      </Loading>
    </section>
  );
}

type Case = Objection | RepairApplication;

function Queue({ kind, title, items }: { kind: 'objection' | 'repair'; title: string; items: Case[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const [decided, setDecided] = useState<string[]>([]);
  const open = items.filter((item) => !decided.includes(item.id));
  const overdue = open.filter((item) => item.overdue).length;
  return (
    <section aria-labelledby={headingId} data-testid={`queue-${kind}`}>
      <h2 id={headingId}>{title}</h2>
      <p role="status">
        {t('console.queueCount', { count: open.length })}
        {overdue > 0 && <strong className="overdue-text"> {t('console.overdueCount', { count: overdue })}</strong>}
      </p>
      {decided.length > 0 && <p role="status">{t('console.decidedCount', { count: decided.length })}</p>}
      {open.length === 0 && <p>{t('console.empty')}</p>}
      <ol className="plain">
        {open.map((item) => (
          <li key={item.id}>
            <CaseCard kind={kind} item={item} onDecided={() => setDecided((ids) => [...ids, item.id])} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function CaseCard({ kind, item, onDecided }: { kind: 'objection' | 'repair'; item: Case; onDecided(): void }) {
  const { t, label, formatDay, formatInstant, formatNumber } = useI18n();
  const titleId = useId();
  return (
    <article className={item.overdue ? 'card case overdue' : 'card case'} aria-labelledby={titleId} data-testid="case" data-due={item.dueOn}>
      <h3 id={titleId}>
        {label('request', kind)} · <code>{item.subject}</code> <CaseBadges status={item.status} overdue={item.overdue} />
      </h3>
      <dl className="facts">
        <dt>{t('case.dueOn')}</dt>
        <dd data-testid="case-due">
          <strong>{formatDay(item.dueOn)}</strong>
        </dd>
        <dt>{t('case.filedAt')}</dt>
        <dd>{formatInstant(item.filedAt)}</dd>
        <dt>{t('console.entity')}</dt>
        <dd>
          <Link href={`/entities/${encodeURIComponent(item.entityId)}`}>{item.entityId}</Link>
        </dd>
        <dt>{t('console.records')}</dt>
        <dd>
          {item.recordIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link href={`/console/records/${id}`}>{t('console.openRecord', { id })}</Link>
            </span>
          ))}
        </dd>
        {'grounds' in item && (
          <>
            <dt>{t('portal.grounds')}</dt>
            <dd className="quoted">{item.grounds}</dd>
          </>
        )}
        {'commitment' in item && (
          <>
            <dt>{t('portal.commitment')}</dt>
            <dd className="quoted">{item.commitment}</dd>
            <dt>{t('entity.conditions')}</dt>
            <dd>
              <ul className="plain">
                {item.conditions.map((c) => (
                  <li key={c.id} lang="en">
                    {c.description}: {c.met === true ? '✓' : c.met === false ? '✗' : '…'} {c.detail}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('console.attachments')}</dt>
        <dd>
          {item.attachments.length === 0
            ? t('console.noAttachments')
            : item.attachments.map((a) => `${a.filename} (${a.mediaType}, ${formatNumber(a.size)} B)`).join('; ')}
        </dd>
      </dl>
      <Decision kind={kind} id={item.id} onDecided={onDecided} />
    </article>
  );
}

const OUTCOMES = { objection: ['upheld', 'rejected'], repair: ['granted', 'refused'] } as const;

function Decision({ kind, id, onDecided }: { kind: 'objection' | 'repair'; id: string; onDecided(): void }) {
  const { t, label } = useI18n();
  const [outcome, setOutcome] = useState<string>('');
  const [action, setAction] = useState<'revoke' | 'correct'>('revoke');
  const [reasons, setReasons] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const name = useId();
  const outcomeError = `${name}-outcome-error`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome === '') {
      setProblems([{ field: 'outcome', reason: t('console.chooseOutcome') }]);
      return;
    }
    setBusy(true);
    try {
      if (kind === 'objection') await decideObjection(id, outcome === 'upheld' ? { outcome: 'upheld', action, reasons } : { outcome: 'rejected', reasons });
      else await decideRepair(id, { outcome: outcome as 'granted' | 'refused', reasons });
      onDecided();
    } catch (error) {
      setProblems(fieldProblems(error));
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  const outcomeProblems = problemsOf(problems, 'outcome');
  return (
    <form onSubmit={submit} noValidate className="form decision" data-testid="decision-form">
      <fieldset aria-describedby={outcomeProblems.length > 0 ? outcomeError : undefined}>
        <legend>{t('console.decision')}</legend>
        {OUTCOMES[kind].map((value) => (
          <label key={value} className="check">
            <input type="radio" name={name} value={value} checked={outcome === value} onChange={() => setOutcome(value)} data-testid={`outcome-${value}`} /> {label('outcome', value)}
          </label>
        ))}
        {outcomeProblems.length > 0 && (
          <p id={outcomeError} className="field-error">
            {outcomeProblems.join('; ')}
          </p>
        )}
      </fieldset>
      {outcome === 'upheld' && (
        <Field label={t('console.action')}>
          {({ id: actionId }) => (
            <select id={actionId} value={action} onChange={(e) => setAction(e.target.value as 'revoke' | 'correct')} data-testid="decision-action">
              <option value="revoke">{t('console.action.revoke')}</option>
              <option value="correct">{t('console.action.correct')}</option>
            </select>
          )}
        </Field>
      )}
      <Field label={t('console.reasons')} hint={t('console.reasonsHint')} errors={problemsOf(problems, 'reasons')} errorsLang="en">
        {({ id: reasonsId, describedBy, invalid }) => (
          <textarea id={reasonsId} rows={3} required value={reasons} onChange={(e) => setReasons(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="decision-reasons" />
        )}
      </Field>
      {failure !== undefined && problems.length === 0 && (
        <FormError message={failure} />
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('console.decide')}
      </button>
    </form>
  );
}
