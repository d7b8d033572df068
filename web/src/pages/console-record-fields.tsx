/**
 * The fields of a record in the interchange format, for entering one (POST /v1/records) and correcting one
 * (POST /v1/records/{id}/correction): the category decides which block follows (penalty kinds and amount,
 * rating, court case). The API validates; its problem+json `errors` are shown beside the field each names,
 * and any it names that the form has no field for are listed above the button.
 */
import type { FieldProblem, RegisterRecord } from '../api.js';
import { Field, problemsOf } from '../forms.js';
import { useI18n } from '../i18n/context.js';
// The closed vocabularies the form offers: the domain's own lists (pure data, bundled into the page).
import { CURRENCIES, PENALTY_KINDS, RECORD_CATEGORIES, REGULATORY_DOMAINS, SEVERITIES } from '../../../src/domain/taxonomy.js';


/** The form's state: every control's text, as typed. */
export interface RecordDraft {
  sourceId: string;
  subject: string;
  category: string;
  domain: string;
  severity: string;
  decisionNo: string;
  decidedOn: string;
  instrument: string;
  article: string;
  summary: string;
  penaltyKinds: string[];
  amount: string;
  currency: string;
  ratingScheme: string;
  ratingGrade: string;
  caseNo: string;
}

export const EMPTY_DRAFT: RecordDraft = {
  sourceId: '',
  subject: '',
  category: 'penalty',
  domain: 'market',
  severity: '',
  decisionNo: '',
  decidedOn: '',
  instrument: '',
  article: '',
  summary: '',
  penaltyKinds: [],
  amount: '',
  currency: 'CNY',
  ratingScheme: '',
  ratingGrade: '',
  caseNo: '',
};

type Block = { kinds?: string[]; amount?: { value: number; currency: string }; scheme?: string; grade?: string; caseNo?: string };

/** The draft of a stored record, for correcting it. */
export function draftOf(record: RegisterRecord): RecordDraft {
  const details = (record.details ?? {}) as { penalty?: Block; rating?: Block; court?: Block };
  return {
    ...EMPTY_DRAFT,
    sourceId: record.sourceId,
    category: record.category,
    domain: record.domain,
    severity: record.severity ?? '',
    decisionNo: record.decisionNo,
    decidedOn: record.decidedOn,
    instrument: record.legalBasis[0]?.instrument ?? '',
    article: record.legalBasis[0]?.article ?? '',
    summary: record.summary,
    penaltyKinds: details.penalty?.kinds ?? [],
    amount: details.penalty?.amount !== undefined ? String(details.penalty.amount.value) : '',
    currency: details.penalty?.amount?.currency ?? 'CNY',
    ratingScheme: details.rating?.scheme ?? '',
    ratingGrade: details.rating?.grade ?? '',
    caseNo: details.court?.caseNo ?? '',
  };
}

/** The record's content fields as the API takes them; empty text is sent as typed so the API names it. */
export function contentOf(draft: RecordDraft, legalBasisRest: RegisterRecord['legalBasis'] = []): Record<string, unknown> {
  const amount = draft.amount.trim() === '' ? undefined : { value: Number(draft.amount), currency: draft.currency };
  return {
    category: draft.category,
    domain: draft.domain,
    ...(draft.severity !== '' ? { severity: draft.severity } : {}),
    decisionNo: draft.decisionNo,
    decidedOn: draft.decidedOn,
    legalBasis: [{ instrument: draft.instrument, article: draft.article }, ...legalBasisRest],
    summary: draft.summary,
    ...(draft.category === 'penalty' ? { penalty: { kinds: draft.penaltyKinds, ...(amount !== undefined ? { amount } : {}) } } : {}),
    ...(draft.category === 'rating' ? { rating: { scheme: draft.ratingScheme, grade: draft.ratingGrade } } : {}),
    ...(draft.category === 'court-enforcement' ? { court: { caseNo: draft.caseNo } } : {}),
  };
}

/** Where each problem field of the API is shown: the form's control for it. */
const PLACES: Record<string, readonly string[]> = {
  sourceId: ['sourceId'],
  subject: ['subject'],
  category: ['category'],
  domain: ['domain'],
  severity: ['severity'],
  decisionNo: ['decisionNo'],
  decidedOn: ['decidedOn'],
  instrument: ['legalBasis.0.instrument'],
  article: ['legalBasis.0.article'],
  summary: ['summary'],
  penaltyKinds: ['penalty.kinds'],
  amount: ['penalty.amount'],
  ratingScheme: ['rating.scheme'],
  ratingGrade: ['rating.grade'],
  caseNo: ['court.caseNo'],
};

/** Problems naming a whole block or array, shown at its first control. */
const WHOLE: Record<string, keyof RecordDraft> = { legalBasis: 'instrument', penalty: 'penaltyKinds', rating: 'ratingScheme', court: 'caseNo' };

function errorsFor(problems: readonly FieldProblem[], control: keyof RecordDraft): string[] {
  const own = (PLACES[control] ?? []).flatMap((field) => problemsOf(problems, field));
  const whole = Object.entries(WHOLE)
    .filter(([, at]) => at === control)
    .flatMap(([field]) => problems.filter((p) => p.field === field).map((p) => p.reason));
  return [...whole, ...own];
}

/** Problems the form has no control for (shown in a list, with the API's field name). */
export function unplacedProblems(problems: readonly FieldProblem[], shown: ReadonlySet<keyof RecordDraft>): FieldProblem[] {
  return problems.filter((p) => ![...shown].some((control) => errorsFor([p], control).length > 0));
}

interface RecordFieldsProps {
  draft: RecordDraft;
  onChange(draft: RecordDraft): void;
  problems: readonly FieldProblem[];
  /** Entry shows the source id and subject; a correction keeps them. */
  identity: boolean;
}

/** The controls the form shows for `draft`, for telling which problems have a place. */
export function shownControls(draft: RecordDraft, identity: boolean): Set<keyof RecordDraft> {
  const shown = new Set<keyof RecordDraft>(['category', 'domain', 'severity', 'decisionNo', 'decidedOn', 'instrument', 'article', 'summary']);
  if (identity) ['sourceId', 'subject'].forEach((c) => shown.add(c as keyof RecordDraft));
  if (draft.category === 'penalty') ['penaltyKinds', 'amount'].forEach((c) => shown.add(c as keyof RecordDraft));
  if (draft.category === 'rating') ['ratingScheme', 'ratingGrade'].forEach((c) => shown.add(c as keyof RecordDraft));
  if (draft.category === 'court-enforcement') shown.add('caseNo');
  return shown;
}

export function RecordFields({ draft, onChange, problems, identity }: RecordFieldsProps) {
  const { t, label } = useI18n();
  const set = (changes: Partial<RecordDraft>) => onChange({ ...draft, ...changes });
  const text = (control: keyof RecordDraft & ('sourceId' | 'subject' | 'decisionNo' | 'instrument' | 'article' | 'ratingScheme' | 'ratingGrade' | 'caseNo'), hint?: string) => (
    <Field label={t(`record.${control}`)} hint={hint} errors={errorsFor(problems, control)} errorsLang="en">
      {({ id, describedBy, invalid }) => (
        <input id={id} type="text" required value={draft[control]} onChange={(e) => set({ [control]: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`record-${control}`} />
      )}
    </Field>
  );
  const select = (control: 'category' | 'domain' | 'severity', values: readonly string[], prefix: string, blank?: string) => (
    <Field label={t(`record.${control}`)} errors={errorsFor(problems, control)} errorsLang="en">
      {({ id, describedBy, invalid }) => (
        <select id={id} value={draft[control]} onChange={(e) => set({ [control]: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`record-${control}`}>
          {blank !== undefined && <option value="">{blank}</option>}
          {values.map((v) => (
            <option key={v} value={v}>
              {label(prefix, v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const kindErrors = errorsFor(problems, 'penaltyKinds');

  return (
    <>
      {identity && text('sourceId', t('record.sourceIdHint'))}
      {identity && text('subject', t('record.subjectHint'))}
      <div className="field-row">
        {select('category', RECORD_CATEGORIES, 'category')}
        {select('domain', REGULATORY_DOMAINS, 'domain')}
        {select('severity', SEVERITIES, 'severity', t('record.noSeverity'))}
      </div>
      {text('decisionNo')}
      <Field label={t('record.decidedOn')} errors={errorsFor(problems, 'decidedOn')} errorsLang="en">
        {({ id, describedBy, invalid }) => (
          <input id={id} type="date" required value={draft.decidedOn} onChange={(e) => set({ decidedOn: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="record-decidedOn" />
        )}
      </Field>
      <div className="field-row">
        {text('instrument')}
        {text('article')}
      </div>
      <Field label={t('record.summary')} errors={errorsFor(problems, 'summary')} errorsLang="en">
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={3} required value={draft.summary} onChange={(e) => set({ summary: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="record-summary" />
        )}
      </Field>
      {draft.category === 'penalty' && (
        <>
          <fieldset className={kindErrors.length > 0 ? 'field invalid' : 'field'} aria-describedby={kindErrors.length > 0 ? 'penalty-kinds-error' : undefined}>
            <legend>{t('record.penaltyKinds')}</legend>
            <div className="checks">
              {PENALTY_KINDS.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="checkbox"
                    checked={draft.penaltyKinds.includes(kind)}
                    onChange={(e) => set({ penaltyKinds: e.target.checked ? [...draft.penaltyKinds, kind] : draft.penaltyKinds.filter((k) => k !== kind) })}
                    data-testid={`penalty-${kind}`}
                  />{' '}
                  {label('penaltyKind', kind)}
                </label>
              ))}
            </div>
            {kindErrors.length > 0 && (
              <p id="penalty-kinds-error" className="field-error" lang="en" data-testid="field-error">
                {kindErrors.join('; ')}
              </p>
            )}
          </fieldset>
          <div className="field-row">
            <Field label={t('record.amount')} errors={errorsFor(problems, 'amount')} errorsLang="en">
              {({ id, describedBy, invalid }) => (
                <input id={id} type="number" min={0} step="0.01" inputMode="decimal" value={draft.amount} onChange={(e) => set({ amount: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="record-amount" />
              )}
            </Field>
            <Field label={t('record.currency')}>
              {({ id }) => (
                <select id={id} value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
                  {CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </>
      )}
      {draft.category === 'rating' && (
        <div className="field-row">
          {text('ratingScheme')}
          {text('ratingGrade')}
        </div>
      )}
      {draft.category === 'court-enforcement' && text('caseNo')}
    </>
  );
}

/** The API's problems the form has no control for, with the field the API named. */
export function OtherProblems({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-error" lang="en">
      {problems.map((p) => (
        <li key={`${p.field}/${p.reason}`}>
          <code>{p.field}</code>: {p.reason}
        </li>
      ))}
    </ul>
  );
}
