/**
 * Anyone can check a signed report someone handed them: drop the file or pick it, and the node answers
 * (POST /v1/reports/verify) whether it is valid, who issued it and when, or why not.
 */
import { useId, useState, type DragEvent } from 'react';
import { ApiError, verifyReport, type Verification } from '../api.js';
import { useI18n } from '../i18n/context.js';
import { Link } from '../router.js';

type VerifyState =
  | { kind: 'idle' }
  | { kind: 'checking'; file: string }
  | { kind: 'done'; file: string; result: Verification }
  | { kind: 'failed'; file: string; message: string };

/** The shape the API accepts (three base64url parts); anything else is not a signed report at all. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A file that is not a compact JWS is invalid, reason `malformed`, as the API would also answer (with a 400). */
async function check(text: string): Promise<Verification> {
  const jws = text.trim();
  if (!COMPACT_JWS.test(jws)) return { valid: false, reason: 'malformed', message: '' };
  try {
    return await verifyReport(jws);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return { valid: false, reason: 'malformed', message: error.message };
    throw error;
  }
}

export function VerifyPage() {
  const { t, label, formatInstant } = useI18n();
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const inputId = useId();

  const verifyFile = async (file: File) => {
    setState({ kind: 'checking', file: file.name });
    try {
      setState({ kind: 'done', file: file.name, result: await check(await file.text()) });
    } catch (error) {
      setState({ kind: 'failed', file: file.name, message: (error as Error).message });
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void verifyFile(file);
  };

  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p aria-hidden="true">{t('verify.drop')}</p>
        <label htmlFor={inputId}>{t('verify.choose')}</label>
        <input
          id={inputId}
          type="file"
          accept=".jws,.jwt,.txt,application/jose,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void verifyFile(file);
            event.target.value = '';
          }}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {state.kind === 'checking' && <p>{t('verify.checking')}</p>}
        {state.kind === 'failed' && <p className="invalid">{t('verify.error', { message: state.message })}</p>}
        {state.kind === 'done' && state.result.valid && (
          <div className="card valid" data-testid="verify-valid">
            <h2>{t('verify.valid')}</h2>
            <dl className="facts">
              <dt>{t('verify.issuer')}</dt>
              <dd data-testid="verify-issuer">{state.result.issuer}</dd>
              <dt>{t('verify.issuedAt')}</dt>
              <dd data-testid="verify-issued-at">{formatInstant(state.result.issuedAt)}</dd>
              <dt>{t('verify.expiresAt')}</dt>
              <dd>{formatInstant(state.result.expiresAt)}</dd>
              <dt>{t('verify.subject')}</dt>
              <dd>
                <Link href={`/entities/${encodeURIComponent(state.result.subject)}`}>{t('verify.openEntity')}</Link>
              </dd>
              <dt>{t('verify.keyId')}</dt>
              <dd>
                <code className="wrap">{state.result.kid}</code>
              </dd>
            </dl>
          </div>
        )}
        {state.kind === 'done' && !state.result.valid && (
          <div className="card invalid" data-testid="verify-invalid">
            <h2>{t('verify.invalid')}</h2>
            <dl className="facts">
              <dt>{t('verify.reason')}</dt>
              <dd data-testid="verify-reason" data-reason={state.result.reason}>
                {label('reason', state.result.reason)}
              </dd>
              {state.result.issuer !== undefined && (
                <>
                  <dt>{t('verify.issuer')}</dt>
                  <dd>{state.result.issuer}</dd>
                </>
              )}
            </dl>
            {state.result.message !== '' && (
              // The API's technical detail, in English whatever the page's language.
              <p className="hint" lang="en">
                {state.result.message}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
