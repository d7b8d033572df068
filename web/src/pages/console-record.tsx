/**
 * One record in the officer console: what it says and its status; for an active record of the officer's
 * authority, the correction form (the changed fields and the reason; the API makes a new record and marks
 * this one corrected) and the revocation form (the reason).
 */
import { useState, type FormEvent } from 'react';
import { correctRecord, fetchRecord, revokeRecord, type FieldProblem, type RegisterRecord } from '../api.js';
import { Field, FormError, Loading, RequireRole, fieldProblems, problemsOf, useLoad } from '../forms.js';
import { useI18n } from '../i18n/context.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';
import { ConsoleNav } from './console-queues.js';
import { DecisionFacts } from './decision-facts.js';
import { OtherProblems, RecordFields, contentOf, draftOf, shownControls, unplacedProblems, type RecordDraft } from './console-record-fields.js';

export function ConsoleRecord({ id }: { id: number }) {
  return (
    <RequireRole role="officer">
      <RecordPage id={id} />
    </RequireRole>
  );
}

function RecordPage({ id }: { id: number }) {
  const { t, label } = useI18n();
  const { principal } = useSession();
  const [state, reload] = useLoad(() => fetchRecord(id), String(id));
  return (
    <section aria-labelledby="record-title">
      <ConsoleNav />
      <h1 id="record-title">{t('console.recordTitle', { id })}</h1>
      <Loading state={state}>
        {(record) => (
          <>
            <div className="card" data-testid="record-card">
              <h2 className="plain-heading">
                {label('category', record.category)} <span className="badge" data-testid="record-status">{label('recordStatus', record.status)}</span>
              </h2>
              <p>{record.summary}</p>
              {typeof record.details?.['corrects'] === 'number' && (
                <p data-testid="corrects">
                  <Link href={`/console/records/${record.details['corrects']}`}>{t('console.corrects', { id: record.details['corrects'] })}</Link>
                </p>
              )}
              <dl className="facts">
                <dt>{t('record.sourceId')}</dt>
                <dd>
                  <code>{record.sourceId}</code>
                </dd>
                <DecisionFacts record={record} />
                <dt>{t('entity.legalBasis')}</dt>
                <dd>{record.legalBasis.map((c) => `${c.instrument} ${c.article}`).join('; ')}</dd>
              </dl>
            </div>
            {record.status === 'active' && record.authority === principal!.authority ? (
              <>
                <Correction record={record} />
                <Revocation record={record} onRevoked={reload} />
              </>
            ) : (
              <p>{t('console.notAmendable')}</p>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}

/** The fields a correction changes, compared with the record as stored. */
function changes(record: RegisterRecord, draft: RecordDraft): Record<string, unknown> {
  const before = contentOf(draftOf(record), record.legalBasis.slice(1));
  const after = contentOf(draft, record.legalBasis.slice(1));
  return Object.fromEntries(Object.entries(after).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])));
}

function Correction({ record }: { record: RegisterRecord }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(record));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = changes(record, draft);
    if (Object.keys(changed).length === 0) {
      setProblems([]);
      setFailure(t('console.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      const { record: corrected } = await correctRecord(record.id, { ...changed, reason });
      navigate(`/console/records/${corrected.id}`);
    } catch (error) {
      setProblems(fieldProblems(error));
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  const others = unplacedProblems(
    problems.filter((p) => p.field !== 'reason'),
    shownControls(draft, false),
  );
  return (
    <section aria-labelledby="correct">
      <h2 id="correct">{t('console.correct')}</h2>
      <p className="hint">{t('console.correctHint')}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="correction-form">
        <RecordFields draft={draft} onChange={setDraft} problems={problems} identity={false} />
        <ReasonField value={reason} onChange={setReason} problems={problems} testId="correction-reason" />
        <div role="alert">
          {failure !== undefined && (
            <>
              <p className="field-error">{problems.length > 0 ? t('form.fieldsRefused', { count: problems.length }) : failure}</p>
              <OtherProblems problems={others} />
            </>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('console.saveCorrection')}
        </button>
      </form>
    </section>
  );
}

function ReasonField({ value, onChange, problems, testId }: { value: string; onChange(value: string): void; problems: readonly FieldProblem[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Field label={t('console.reason')} hint={t('console.reasonHint')} errors={problemsOf(problems, 'reason')} errorsLang="en">
      {({ id, describedBy, invalid }) => <textarea id={id} rows={3} required value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={testId} />}
    </Field>
  );
}

function Revocation({ record, onRevoked }: { record: RegisterRecord; onRevoked(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await revokeRecord(record.id, reason);
      onRevoked();
    } catch (error) {
      setProblems(fieldProblems(error));
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="revoke">
      <h2 id="revoke">{t('console.revoke')}</h2>
      <p className="hint">{t('console.revokeHint')}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="revocation-form">
        <ReasonField value={reason} onChange={setReason} problems={problems} testId="revocation-reason" />
        {failure !== undefined && problems.length === 0 && (
          <FormError message={failure} />
        )}
        <button type="submit" className="button danger" disabled={busy}>
          {t('console.revokeButton')}
        </button>
      </form>
      <p>
        <Link href="/console/records">{t('console.backToRecords')}</Link>
      </p>
    </section>
  );
}
