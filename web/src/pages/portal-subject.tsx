/**
 * The entity acts on one of its records or list entries: object to it with grounds and attachments (until
 * the deadline its notice stated), apply for credit repair with the pack's conditions shown and checked as
 * the form is filled in, and, for a record, write the statement the public report shows beside it. Each
 * open request on the subject is shown with the date it must be decided by.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  applyForRepair,
  fetchNotices,
  fetchReport,
  fileObjection,
  myObjections,
  myRepairs,
  repairEligibility,
  writeStatement,
  type AttachmentUpload,
  type CreditReport,
  type FieldProblem,
  type Notice,
  type Objection,
  type RepairApplication,
  type RepairCondition,
  type RepairEligibility,
  type SubjectRef,
} from '../api.js';
import { AttachmentsField, CaseBadges, Field, FormError, Loading, RequireRole, fieldProblems, newIdempotencyKey, problemsOf, useLoad } from '../forms.js';
import { useI18n } from '../i18n/context.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

interface SubjectData {
  report: CreditReport;
  notice: Notice | undefined;
  objection: Objection | undefined;
  repair: RepairApplication | undefined;
  /** The eligibility, or the API's reason it could not be judged. */
  eligibility: RepairEligibility | { failed: string };
}

/** `record:12` → `{record: 12}`, `list:x` → `{list: 'x'}`; undefined when it is neither. */
function subjectRef(subject: string): SubjectRef | undefined {
  const record = /^record:(\d+)$/.exec(subject);
  if (record !== null) return { record: Number(record[1]) };
  const list = /^list:([^:]+)$/.exec(subject);
  return list !== null ? { list: list[1]! } : undefined;
}

/** Whether a notice is about `subject` (a list notice names the entry's start as well). */
const noticeIsAbout = (notice: Notice, subject: string) => notice.subject === subject || notice.subject.startsWith(`${subject}:`);

export function PortalSubject({ subject }: { subject: string }) {
  return (
    <RequireRole role="entity">
      <Subject subject={subject} />
    </RequireRole>
  );
}

function Subject({ subject }: { subject: string }) {
  const { t } = useI18n();
  const { principal } = useSession();
  const ref = subjectRef(subject);
  const [state, reload] = useLoad<SubjectData>(async () => {
    const [report, notices, objections, repairs, eligibility] = await Promise.all([
      fetchReport(principal!.entityId!, new AbortController().signal),
      fetchNotices(),
      myObjections(),
      myRepairs(),
      repairEligibility(subject).catch((error: unknown) => ({ failed: (error as Error).message })),
    ]);
    const open = <T extends { subject: string; status: string }>(cases: T[]) => cases.find((c) => c.subject === subject && c.status === 'open');
    return { report, notice: notices.find((n) => noticeIsAbout(n, subject)), objection: open(objections), repair: open(repairs), eligibility };
  }, subject);

  if (ref === undefined) return <h1>{t('portal.unknownSubject', { subject })}</h1>;
  return (
    <section aria-labelledby="subject-title">
      <p>
        <Link href="/portal">{t('portal.back')}</Link>
      </p>
      <h1 id="subject-title">{t('portal.subjectTitle', { subject })}</h1>
      <Loading state={state}>
        {(data) => (
          <>
            <SubjectSummary subject={subject} data={data} />
            <ObjectionSection subject={ref} data={data} onFiled={reload} />
            <RepairSection subject={ref} data={data} onFiled={reload} />
            {'record' in ref && <StatementSection recordId={ref.record} report={data.report} />}
          </>
        )}
      </Loading>
    </section>
  );
}

function SubjectSummary({ subject, data }: { subject: string; data: SubjectData }) {
  const { t, label, formatDay } = useI18n();
  const record = data.report.records.find((r) => `record:${r.id}` === subject);
  const list = data.report.lists.find((m) => `list:${m.listId}` === subject);
  return (
    <div className="card" data-testid="subject-summary">
      {record !== undefined && (
        <>
          <h2 className="plain-heading">{label('category', record.category)}</h2>
          <p>{record.summary}</p>
          <p className="hint">
            {record.authority} · {record.decisionNo} · {formatDay(record.decidedOn)}
          </p>
        </>
      )}
      {list !== undefined && (
        <>
          <h2 className="plain-heading">{label('list', list.kind)}</h2>
          <p className="hint">
            {list.authority} · {list.end === undefined ? t('entity.periodOpen', { start: formatDay(list.start) }) : t('entity.periodClosed', { start: formatDay(list.start), end: formatDay(list.end) })}
          </p>
        </>
      )}
      <p>
        {t('portal.objectBy')}:{' '}
        <strong data-testid="subject-deadline">
          {data.notice?.content.objection == null ? t('portal.noObjection') : formatDay(data.notice.content.objection.deadline)}
        </strong>
      </p>
    </div>
  );
}

/** An open request on the subject: its state and the day it must be decided by. */
function OpenCase({ title, item }: { title: string; item: Objection | RepairApplication }) {
  const { t, formatDay, formatInstant } = useI18n();
  return (
    <div className="card" role="status" data-testid="open-case">
      <p>
        <strong>{title}</strong> <CaseBadges status={item.status} overdue={item.overdue} />
      </p>
      <p>{t('portal.filedDue', { filed: formatInstant(item.filedAt), due: formatDay(item.dueOn) })}</p>
      {item.attachments.length > 0 && <p className="hint">{t('portal.attached', { files: item.attachments.map((a) => a.filename).join(', ') })}</p>}
    </div>
  );
}

/** The form's own problems (nothing to send) or the API's, by field; a general message when none names a field. */
interface Failure {
  message: string;
  problems: readonly FieldProblem[];
}

const failureOf = (error: unknown): Failure => ({ message: (error as Error).message, problems: fieldProblems(error) });

/** Whether no problem names one of the form's `fields`, so only the general message can say what went wrong. */
const unplaced = (problems: readonly FieldProblem[], fields: readonly string[]) => fields.every((field) => problemsOf(problems, field).length === 0);

/** The Greater Bay Area's day (UTC+8) of an instant, as `YYYY-MM-DD`: the day deadlines are counted in. */
const gbaDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

function ObjectionSection({ subject, data, onFiled }: { subject: SubjectRef; data: SubjectData; onFiled(): void }) {
  const { t, formatDay } = useI18n();
  const [grounds, setGrounds] = useState('');
  const [attachments, setAttachments] = useState<AttachmentUpload[]>([]);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (grounds.trim() === '') {
      setFailure({ message: t('portal.groundsRequired'), problems: [{ field: 'grounds', reason: t('portal.groundsRequired') }] });
      return;
    }
    setBusy(true);
    try {
      await fileObjection({ subject, grounds, attachments }, idempotencyKey);
      onFiled();
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  };

  const deadline = data.notice?.content.objection?.deadline;
  return (
    <section aria-labelledby="object">
      <h2 id="object">{t('portal.object')}</h2>
      {data.objection !== undefined ? (
        <OpenCase title={t('request.objection')} item={data.objection} />
      ) : deadline !== undefined && deadline < gbaDay(data.report.asOf) ? (
        <p data-testid="objection-closed">{t('portal.objectionClosed', { date: formatDay(deadline) })}</p>
      ) : (
        <form onSubmit={submit} noValidate className="form" data-testid="objection-form">
          <p className="hint">{t('portal.objectHint')}</p>
          <Field label={t('portal.grounds')} errors={failure && problemsOf(failure.problems, 'grounds')}>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} rows={5} value={grounds} onChange={(e) => setGrounds(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="grounds" />
            )}
          </Field>
          <AttachmentsField label={t('portal.evidence')} errors={failure && problemsOf(failure.problems, 'attachments')} onChange={setAttachments} />
          {failure !== undefined && unplaced(failure.problems, ['grounds', 'attachments']) && (
            <FormError message={failure.message} />
          )}
          <button type="submit" className="button" disabled={busy}>
            {t('portal.fileObjection')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The conditions as the form stands: the commitment is met once written, the obligations go to review with evidence. */
function checkedConditions(conditions: readonly RepairCondition[], commitment: string, evidence: number): RepairCondition[] {
  return conditions.map((c) => {
    if (c.id === 'commitment') return { ...c, met: commitment.trim() !== '' };
    if (c.id === 'obligations-fulfilled' && c.met !== true) return { ...c, met: evidence > 0 ? 'on-review' : false };
    return c;
  });
}

function ConditionState({ met }: { met: RepairCondition['met'] }) {
  const { t } = useI18n();
  const state = met === true ? 'met' : met === false ? 'unmet' : 'review';
  return (
    <span className={`badge condition-${state}`} data-state={state}>
      <span aria-hidden="true">{met === true ? '✓ ' : met === false ? '✗ ' : '… '}</span>
      {t(`portal.condition.${state}`)}
    </span>
  );
}

function RepairSection({ subject, data, onFiled }: { subject: SubjectRef; data: SubjectData; onFiled(): void }) {
  const { t } = useI18n();
  const [commitment, setCommitment] = useState('');
  const [attachments, setAttachments] = useState<AttachmentUpload[]>([]);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const listId = useId();
  const { eligibility } = data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await applyForRepair({ subject, commitment, attachments }, idempotencyKey);
      onFiled();
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  };

  let body;
  if (data.repair !== undefined) body = <OpenCase title={t('request.repair')} item={data.repair} />;
  else if ('failed' in eligibility) body = <p lang="en">{eligibility.failed}</p>;
  else if (!eligibility.repairable)
    body = (
      <p data-testid="not-repairable">
        {t('entity.notRepairable')}: <span lang="en">{eligibility.reason}</span>
      </p>
    );
  else {
    const conditions = checkedConditions(eligibility.conditions, commitment, attachments.length);
    body = (
      <form onSubmit={submit} noValidate className="form" data-testid="repair-form">
        <p className="hint">{t('portal.repairHint', { authority: eligibility.authority })}</p>
        <h3 id={listId}>{t('entity.conditions')}</h3>
        <ul className="plain conditions" aria-labelledby={listId} data-testid="conditions">
          {conditions.map((c) => {
            const refused = failure ? problemsOf(failure.problems, `conditions.${c.id}`) : [];
            return (
              <li key={c.id} data-condition={c.id} data-met={String(c.met)}>
                <ConditionState met={c.met} /> <span lang="en">{c.description}</span>
                {c.detail !== '' && (
                  <span className="hint" lang="en">
                    {' '}
                    ({c.detail})
                  </span>
                )}
                {refused.length > 0 && (
                  <p className="field-error" lang="en">
                    {refused.join('; ')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <Field label={t('portal.commitment')} hint={t('portal.commitmentHint')} errors={failure && problemsOf(failure.problems, 'commitment')} errorsLang="en">
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={4} value={commitment} onChange={(e) => setCommitment(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="commitment" />
          )}
        </Field>
        <AttachmentsField label={t('portal.evidence')} errors={failure && problemsOf(failure.problems, 'attachments')} onChange={setAttachments} />
        {failure !== undefined && (
          <FormError message={failure.message} />
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('portal.applyRepair')}
        </button>
      </form>
    );
  }
  return (
    <section aria-labelledby="repair">
      <h2 id="repair">{t('portal.repair')}</h2>
      {body}
    </section>
  );
}

function StatementSection({ recordId, report }: { recordId: number; report: CreditReport }) {
  const { t, formatInstant } = useI18n();
  const existing = report.records.find((r) => r.id === recordId)?.statement ?? null;
  const [text, setText] = useState(existing?.text ?? '');
  const [saved, setSaved] = useState<string | undefined>(existing?.updatedAt);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const statement = await writeStatement(recordId, text);
      setSaved(statement.updatedAt);
      setFailure(undefined);
    } catch (error) {
      setFailure(failureOf(error));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="statement">
      <h2 id="statement">{t('portal.statement')}</h2>
      <form onSubmit={submit} noValidate className="form" data-testid="statement-form">
        <Field label={t('portal.statementText')} hint={t('portal.statementHint')} errors={failure && (failure.problems.length > 0 ? problemsOf(failure.problems, 'text') : [failure.message])} errorsLang="en">
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="statement-text" />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t('portal.saveStatement')}
        </button>
        <p role="status" data-testid="statement-saved">
          {saved !== undefined && t('portal.statementSaved', { date: formatInstant(saved) })}
        </p>
      </form>
    </section>
  );
}
