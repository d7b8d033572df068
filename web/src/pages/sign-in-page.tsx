/**
 * Signing in with an API key: the key is pasted, exchanged for the session cookie and forgotten; an entity
 * goes on to its portal, an officer to the console, a policy administrator to the simulation.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { useI18n } from '../i18n/context.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';

/** Where a role works once signed in (the header links to the same page). */
function homeOf(role: string): string {
  return role === 'entity' ? '/portal' : role === 'officer' ? '/console' : role === 'policy-admin' ? '/simulation' : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const keyId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') {
      setError(t('signIn.empty'));
      return;
    }
    setBusy(true);
    try {
      const principal = await signIn(key);
      navigate(homeOf(principal.role));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('signIn.refused') : t('form.failed', { message: (failure as Error).message }));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <label htmlFor={keyId}>{t('signIn.key')}</label>
        <input
          id={keyId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error !== undefined ? errorId : undefined}
          data-testid="api-key"
        />
        {error !== undefined && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="hint">{t('signIn.hint')}</p>
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
