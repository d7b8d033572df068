/**
 * What the portal's and the console's forms share: a labelled field with its hint and the API's error for
 * it (problem+json `errors`, tied to the control with aria-describedby), the attachment picker with the
 * API's limits checked before sending, the loader of a page's data, the guard that asks for the right
 * role, and the badges of a case's state (text, not colour alone).
 */
import { useCallback, useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import { ApiError, type AttachmentUpload, type FieldProblem } from './api.js';
import { useI18n } from './i18n/context.js';
import { Link } from './router.js';
import { useSession } from './session.js';

/** The API's limits on attachments (src/services/attachments.ts): types, size of one file, files per request. */
const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'];
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
const MAX_ATTACHMENTS = 5;

/** The API's reasons for `field` and anything under it (`legalBasis` gets `legalBasis.0.article`'s). */
export function problemsOf(problems: readonly FieldProblem[], field: string): string[] {
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`)).map((p) => p.reason);
}

/** The field problems of a failed request, or none when it failed otherwise. */
export function fieldProblems(error: unknown): readonly FieldProblem[] {
  return error instanceof ApiError ? error.problems : [];
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  /** Reasons the API (or the page) gave for this field; shown beside it in the API's words. */
  errors?: readonly string[] | undefined;
  /** Whether the errors are the API's English text rather than the page's own messages. */
  errorsLang?: string | undefined;
  /** The control, given the ids to wire. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement;
}

export function Field({ label, hint, errors = [], errorsLang, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : undefined, errors.length > 0 ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: errors.length > 0 })}
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="field-error" lang={errorsLang} data-testid="field-error">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

/** Reads the chosen files as attachments, or throws the page's message for the first one over the limits. */
async function readAttachments(files: readonly File[], t: ReturnType<typeof useI18n>['t']): Promise<AttachmentUpload[]> {
  if (files.length > MAX_ATTACHMENTS) throw new Error(t('attachments.tooMany', { max: MAX_ATTACHMENTS }));
  return Promise.all(
    files.map(async (file) => {
      const mediaType = file.type || (file.name.toLowerCase().endsWith('.txt') ? 'text/plain' : '');
      if (!ATTACHMENT_TYPES.includes(mediaType)) throw new Error(t('attachments.type', { file: file.name }));
      if (file.size > MAX_ATTACHMENT_BYTES) throw new Error(t('attachments.size', { file: file.name }));
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { filename: file.name, mediaType, contentBase64: btoa(binary) };
    }),
  );
}

/** A file control for up to five PDF, PNG, JPEG or text files of 2 MiB each; reports the read files or the limit broken. */
/** A refusal the form cannot place beside a field, as the API wrote it (in English). */
export function FormError({ message }: { message: string }) {
  return (
    <p role="alert" className="field-error" lang="en">
      {message}
    </p>
  );
}

export function AttachmentsField({ label, errors = [], onChange }: { label: string; errors?: readonly string[]; onChange(attachments: AttachmentUpload[]): void }) {
  const { t, formatNumber } = useI18n();
  const [local, setLocal] = useState<string | undefined>(undefined);
  const [names, setNames] = useState<string[]>([]);
  return (
    <Field label={label} hint={t('attachments.hint', { max: MAX_ATTACHMENTS })} errors={local !== undefined ? [local] : errors} errorsLang={local !== undefined ? undefined : 'en'}>
      {({ id, describedBy, invalid }) => (
        <div>
          <input
            id={id}
            type="file"
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="attachments"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              readAttachments(files, t).then(
                (read) => {
                  setLocal(undefined);
                  setNames(files.map((f) => `${f.name} (${formatNumber(Math.ceil(f.size / 1024))} KB)`));
                  onChange(read);
                },
                (error: unknown) => {
                  setLocal((error as Error).message);
                  setNames([]);
                  onChange([]);
                },
              );
            }}
          />
          {names.length > 0 && (
            <ul className="plain hint" data-testid="attachment-names">
              {names.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}

export type Loaded<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; message: string };

/** Loads a page's data when `key` changes; `reload` asks again after a change the page made. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ kind: 'loaded', value }),
      (error: unknown) => current && setState({ kind: 'failed', message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
  }, [key, round]);
  return [state, useCallback(() => setRound((r) => r + 1), [])];
}

/** Shows `children` once loaded, the loading or failure message before. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children: (value: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.kind === 'loading') return <p role="status">{t('form.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('form.failed', { message: state.message })}</p>;
  return <>{children(state.value)}</>;
}

/** Shows `children` to a signed-in principal of `role`, and otherwise says who may see the page and how to sign in. */
export function RequireRole({ role, children }: { role: 'entity' | 'officer'; children: ReactNode }) {
  const { t } = useI18n();
  const { principal } = useSession();
  if (principal === undefined) return <p role="status">{t('form.loading')}</p>;
  if (principal.role === role) return <>{children}</>;
  return (
    <section>
      <h1>{t(role === 'entity' ? 'portal.title' : 'console.title')}</h1>
      <p role="alert">{t(role === 'entity' ? 'signIn.needEntity' : 'signIn.needOfficer')}</p>
      <p>
        <Link href="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}

/** A case's state as text: open with its due date, overdue, or the decision's outcome. */
export function CaseBadges({ status, overdue, outcome }: { status: string; overdue: boolean; outcome?: string | undefined }) {
  const { t, label } = useI18n();
  return (
    <>
      <span className="badge">{label('caseStatus', status)}</span>
      {overdue && (
        <span className="badge overdue" data-testid="overdue">
          {t('case.overdue')}
        </span>
      )}
      {outcome !== undefined && <span className={`badge outcome-${outcome}`}>{label('outcome', outcome)}</span>}
    </>
  );
}

/** A fresh key for one submission: a retry of the same submission is answered with the case filed first. */
export function newIdempotencyKey(): string {
  // getRandomValues, unlike randomUUID, also works on a node served over plain HTTP.
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
