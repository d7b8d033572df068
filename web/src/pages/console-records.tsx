/**
 * The officer console's recording page: enter a decision of the officer's authority as a record (the API
 * validates it and the errors show beside the fields), and find an entity's records to correct or revoke.
 */
import { useState, type FormEvent } from 'react';
import { createRecord, fetchEntityRecords, type FieldProblem, type RegisterRecord } from '../api.js';
import { Field, RequireRole, fieldProblems } from '../forms.js';
import { useI18n } from '../i18n/context.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { ConsoleNav } from './console-queues.js';
import { EMPTY_DRAFT, OtherProblems, RecordFields, contentOf, shownControls, unplacedProblems, type RecordDraft } from './console-record-fields.js';

export function ConsoleRecords() {
  return (
    <RequireRole role="officer">
      <RecordsPage />
    </RequireRole>
  );
}

function RecordsPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="records-title">
      <ConsoleNav />
      <h1 id="records-title">{t('console.recordsTitle')}</h1>
      <EntryForm />
      <FindRecords />
    </section>
  );
}

function EntryForm() {
  const { t } = useI18n();
  const { principal } = useSession();
  const authority = principal!.authority!;
  const [draft, setDraft] = useState<RecordDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [recorded, setRecorded] = useState<RegisterRecord | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRecorded(undefined);
    try {
      const record = await createRecord({ sourceId: draft.sourceId, subject: draft.subject, authority, ...contentOf(draft) });
      setRecorded(record);
      setProblems([]);
      setFailure(undefined);
      setDraft(EMPTY_DRAFT);
    } catch (error) {
      setProblems(fieldProblems(error));
      setFailure((error as Error).message);
    }
    setBusy(false);
  };

  const others = unplacedProblems(problems, shownControls(draft, true));
  return (
    <section aria-labelledby="entry">
      <h2 id="entry">{t('console.newRecord')}</h2>
      <p className="hint">{t('console.newRecordHint', { authority })}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="record-form">
        <RecordFields draft={draft} onChange={setDraft} problems={problems} identity />
        <div role="alert" data-testid="record-form-problems">
          {failure !== undefined && (
            <>
              <p className="field-error">{problems.length > 0 ? t('form.fieldsRefused', { count: problems.length }) : t('form.failed', { message: failure })}</p>
              <OtherProblems problems={others} />
            </>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('console.record')}
        </button>
      </form>
      <div role="status">
        {recorded !== undefined && (
          <p data-testid="recorded">
            {t('console.recorded', { sourceId: recorded.sourceId })} <Link href={`/console/records/${recorded.id}`}>{t('console.openRecord', { id: recorded.id })}</Link>
          </p>
        )}
      </div>
    </section>
  );
}

function FindRecords() {
  const { t, label, formatDay } = useI18n();
  const { principal } = useSession();
  const [ref, setRef] = useState('');
  const [records, setRecords] = useState<RegisterRecord[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setRecords(await fetchEntityRecords(ref.trim()));
      setFailure(undefined);
    } catch (error) {
      setRecords(undefined);
      setFailure((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="find">
      <h2 id="find">{t('console.findRecords')}</h2>
      <form onSubmit={submit} noValidate className="form inline" role="search">
        <Field label={t('console.entityRef')} hint={t('record.subjectHint')} errors={failure !== undefined ? [failure] : []} errorsLang="en">
          {({ id, describedBy, invalid }) => <input id={id} type="text" value={ref} onChange={(e) => setRef(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="find-entity" />}
        </Field>
        <button type="submit" className="button">
          {t('console.find')}
        </button>
      </form>
      {records !== undefined && (
        <div role="status">
          {records.length === 0 && <p>{t('entity.noRecords')}</p>}
          <ul className="plain">
            {records.map((r) => (
              <li key={r.id} className="card" data-testid="found-record">
                <strong>{label('category', r.category)}</strong> · {r.decisionNo} <span className="badge">{label('recordStatus', r.status)}</span>
                <p className="hint">
                  {r.authority} · {formatDay(r.decidedOn)} · <code>{r.sourceId}</code>
                </p>
                {r.authority === principal!.authority && r.status === 'active' && <Link href={`/console/records/${r.id}`}>{t('console.amend')}</Link>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
