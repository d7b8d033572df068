/**
 * Policy simulation (issue 7 §5), for a policy administrator signed in with a policy-admin key: start from the
 * active pack (GET /v1/policy/pack) or load the files of a candidate pack, replace files and set its version,
 * simulate it against the whole register beside the active pack (POST /v1/policy/simulations), see who would
 * enter and leave each list and which check decisions would change per context, drill down to the entities,
 * then activate it (POST /v1/policy/activations).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { parse as parseYaml } from 'yaml';
import { activatePolicy, ApiError, fetchActivePack, simulatePolicy, type Activation, type ActivePack, type PackFiles, type SimulationReport } from '../api.js';
import { MEANING } from '../charts/chart.js';
import { barOption, ChartFigure } from '../charts/figure.js';
import { useI18n } from '../i18n/context.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

type Run = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string; problems: string[] } | { kind: 'done'; report: SimulationReport; run: number };
type Active = { kind: 'loading' } | { kind: 'ready'; pack: ActivePack } | { kind: 'failed'; message: string };
type Activating = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'activating' } | { kind: 'done'; activation: Activation } | { kind: 'failed'; message: string };

const PACK_FILE = /\.(ya?ml|json)$/;

/**
 * Parses pack files as the server's loader does (`src/policy/load-pack.ts`): JSON, or YAML 1.2 core schema
 * (dates stay strings); other files (a README) are left out.
 */
async function readPack(list: FileList): Promise<{ files: PackFiles; errors: { file: string; message: string }[] }> {
  const files: PackFiles = {};
  const errors: { file: string; message: string }[] = [];
  for (const file of Array.from(list).filter((f) => PACK_FILE.test(f.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    const text = await file.text();
    try {
      files[file.name] = file.name.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { schema: 'core', uniqueKeys: true });
    } catch (error) {
      errors.push({ file: file.name, message: (error as Error).message });
    }
  }
  return { files, errors };
}

/** The name of the pack's manifest among `files`, if it has one. */
const manifestOf = (files: PackFiles) => ['pack.yaml', 'pack.json'].find((name) => typeof files[name] === 'object' && files[name] !== null);

const versionOf = (files: PackFiles) => {
  const name = manifestOf(files);
  const manifest = name === undefined ? undefined : (files[name] as Record<string, unknown>);
  return manifest !== undefined && 'version' in manifest ? String(manifest.version) : undefined;
};

/** `files` with the manifest's version set to `version`. */
const withVersion = (files: PackFiles, name: string, version: string): PackFiles => ({ ...files, [name]: { ...(files[name] as Record<string, unknown>), version } });

function EntityLinks({ refs, count, testId }: { refs: readonly string[]; count: number; testId: string }) {
  const { t } = useI18n();
  if (count === 0) return <p>{t('simulation.none')}</p>;
  return (
    <>
      <ul className="plain" data-testid={testId}>
        {refs.map((ref) => (
          <li key={ref}>
            <Link href={`/entities/${encodeURIComponent(ref)}`}>{ref}</Link>
          </li>
        ))}
      </ul>
      {count > refs.length && <p className="hint">{t('simulation.sampleNote', { shown: refs.length, count })}</p>}
    </>
  );
}

function Result({ report, files, onActivated }: { report: SimulationReport; files: PackFiles; onActivated: () => void }) {
  const { t, label, formatNumber, formatDay, formatInstant } = useI18n();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [selectedChange, setSelectedChange] = useState<string | undefined>(undefined);
  const [activating, setActivating] = useState<Activating>({ kind: 'idle' });
  const drillId = useId();
  const changeDrillId = useId();
  const moved = report.lists.filter((l) => l.entering.count + l.leaving.count > 0);
  const lists = report.lists.map((l) => l.list);
  const entering = report.lists.map((l) => l.entering.count);
  const leaving = report.lists.map((l) => l.leaving.count);
  const pairs = useMemo(() => [...new Set(report.decisions.flatMap((d) => d.changes.map((c) => `${c.from}>${c.to}`)))], [report]);
  const pairName = (pair: string) => {
    const [from, to] = pair.split('>') as [string, string];
    return t('simulation.change', { from: label('checkDecision', from), to: label('checkDecision', to) });
  };
  const byPair = pairs.map((pair) => ({
    name: pairName(pair),
    values: report.decisions.map((d) => d.changes.find((c) => `${c.from}>${c.to}` === pair)?.count ?? 0),
    stack: 'changes',
  }));
  const contexts = report.decisions.map((d) => label('checkContext', d.context));
  const changed = report.decisions.reduce((n, d) => n + d.changed, 0);
  const drilled = report.lists.find((l) => l.list === selected);
  /** Every decision change with its context, keyed `context:from>to`, for the drill-down. */
  const changes = report.decisions.flatMap((d) => d.changes.map((c) => ({ key: `${d.context}:${c.from}>${c.to}`, context: label('checkContext', d.context), change: pairName(`${c.from}>${c.to}`), ...c })));
  const drilledChange = changes.find((c) => c.key === selectedChange);

  const activate = async () => {
    setActivating({ kind: 'activating' });
    try {
      setActivating({ kind: 'done', activation: await activatePolicy(files) });
      onActivated();
    } catch (error) {
      setActivating({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <>
      <p data-testid="simulation-summary">
        {t('simulation.result', { current: report.currentVersion, candidate: report.candidateVersion, entities: formatNumber(report.entities), date: formatDay(report.at) })}
      </p>
      {moved.length === 0 && changed === 0 && (
        <p role="status" className="card" data-testid="simulation-no-changes">
          {t('simulation.noChanges')}
        </p>
      )}
      <ChartFigure
        level={2}
        title={t('simulation.lists')}
        summary={moved.length === 0 ? t('simulation.noListChange') : t('simulation.listsSummary', { entering: formatNumber(entering.reduce((a, b) => a + b, 0)), leaving: formatNumber(leaving.reduce((a, b) => a + b, 0)), lists: moved.length })}
        option={barOption(
          lists,
          [
            { name: t('simulation.entering'), values: entering, color: MEANING.neutral },
            { name: t('simulation.leaving'), values: leaving, color: MEANING.other },
          ],
          undefined,
          'rows',
        )}
        onSelect={setSelected}
        categoryHeader={t('simulation.list')}
        categories={lists}
        columns={[
          { name: t('simulation.entering'), values: entering },
          { name: t('simulation.leaving'), values: leaving },
        ]}
        testId="simulation-lists"
      />
      <p className="hint">{t('simulation.drillHint')}</p>
      <ul className="chips" data-testid="drill-buttons">
        {moved.map((l) => (
          <li key={l.list}>
            <button type="button" className="secondary" aria-pressed={selected === l.list} aria-controls={drillId} onClick={() => setSelected(l.list)} data-list={l.list}>
              {t('simulation.showEntities', { list: l.list })}
            </button>
          </li>
        ))}
      </ul>
      <div id={drillId} aria-live="polite">
        {drilled !== undefined && (
          <section className="card" aria-labelledby={`${drillId}-title`} data-testid="drill-down">
            <h3 id={`${drillId}-title`}>{t('simulation.drillTitle', { list: drilled.list })}</h3>
            <div className="columns">
              <div>
                <h4>
                  {t('simulation.entering')} ({formatNumber(drilled.entering.count)})
                </h4>
                <EntityLinks refs={drilled.entering.sample} count={drilled.entering.count} testId="drill-entering" />
              </div>
              <div>
                <h4>
                  {t('simulation.leaving')} ({formatNumber(drilled.leaving.count)})
                </h4>
                <EntityLinks refs={drilled.leaving.sample} count={drilled.leaving.count} testId="drill-leaving" />
              </div>
            </div>
          </section>
        )}
      </div>

      <ChartFigure
        level={2}
        title={t('simulation.decisions')}
        summary={changed === 0 ? t('simulation.noDecisionChange') : t('simulation.decisionsSummary', { count: formatNumber(changed) })}
        option={barOption(contexts, byPair, undefined, 'rows')}
        categoryHeader={t('simulation.context')}
        categories={contexts}
        columns={[{ name: t('simulation.changed'), values: report.decisions.map((d) => d.changed) }, ...byPair]}
        testId="simulation-decisions"
      />
      {changes.length > 0 && (
        <>
          <p className="hint">{t('simulation.decisionDrillHint')}</p>
          <ul className="chips" data-testid="change-buttons">
            {changes.map((c) => (
              <li key={c.key}>
                <button type="button" className="secondary" aria-pressed={selectedChange === c.key} aria-controls={changeDrillId} onClick={() => setSelectedChange(c.key)} data-change={c.key}>
                  {t('simulation.showDecisionEntities', { context: c.context, change: c.change })} ({formatNumber(c.count)})
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div id={changeDrillId} aria-live="polite">
        {drilledChange !== undefined && (
          <section className="card" aria-labelledby={`${changeDrillId}-title`} data-testid="change-drill-down">
            <h3 id={`${changeDrillId}-title`}>{t('simulation.decisionDrillTitle', { context: drilledChange.context, change: drilledChange.change })}</h3>
            <EntityLinks refs={drilledChange.sample} count={drilledChange.count} testId="change-entities" />
          </section>
        )}
      </div>

      <h2>{t('simulation.activateTitle')}</h2>
      <p className="hint">{t('simulation.activateHint')}</p>
      {report.candidateVersion === report.currentVersion && activating.kind !== 'done' ? (
        <p data-testid="same-version">{t('simulation.sameVersion', { version: report.currentVersion })}</p>
      ) : activating.kind === 'done' ? (
        <p role="status" className="card valid" data-testid="activated">
          {t('simulation.activated', { version: activating.activation.version, at: formatInstant(activating.activation.activatedAt), previous: activating.activation.previousVersion })}
        </p>
      ) : activating.kind === 'confirming' || activating.kind === 'activating' ? (
        <div className="actions">
          <button type="button" className="button danger" disabled={activating.kind === 'activating'} onClick={() => void activate()} data-testid="confirm-activation">
            {t('simulation.confirm', { version: report.candidateVersion })}
          </button>
          <button type="button" className="secondary" onClick={() => setActivating({ kind: 'idle' })}>
            {t('simulation.cancel')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="button" onClick={() => setActivating({ kind: 'confirming' })} data-testid="activate">
            {t('simulation.activate', { version: report.candidateVersion })}
          </button>
          {activating.kind === 'failed' && (
            <p role="alert" className="invalid" data-testid="activation-failed">
              {t('simulation.activationFailed', { message: activating.message })}
            </p>
          )}
        </>
      )}
    </>
  );
}

function Simulator() {
  const { t } = useI18n();
  const [active, setActive] = useState<Active>({ kind: 'loading' });
  const [files, setFiles] = useState<PackFiles | undefined>(undefined);
  const [unreadable, setUnreadable] = useState<{ file: string; message: string }[]>([]);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  /** Numbers the runs: a new run starts its result (drill-down, activation) afresh. */
  const runs = useRef(0);
  const inputId = useId();
  const hintId = useId();
  const versionId = useId();

  const loadActive = useCallback(() => {
    fetchActivePack().then(
      (pack) => setActive({ kind: 'ready', pack }),
      (error: Error) => setActive({ kind: 'failed', message: error.message }),
    );
  }, []);
  useEffect(loadActive, [loadActive]);

  /** A new candidate (or a change to it) makes the last result stale. */
  const change = (next: PackFiles | undefined, errors: { file: string; message: string }[] = []) => {
    setRun({ kind: 'idle' });
    setFiles(next);
    setUnreadable(errors);
  };

  /** The chosen files join the candidate, each replacing the candidate's file of the same name. */
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    if (input.files === null || input.files.length === 0) return;
    const read = await readPack(input.files);
    input.value = '';
    const next = { ...files, ...read.files };
    change(Object.keys(next).length > 0 ? next : undefined, read.errors);
  };

  const simulate = async () => {
    if (files === undefined) return;
    setRun({ kind: 'running' });
    try {
      const report = await simulatePolicy(files);
      setRun({ kind: 'done', report, run: ++runs.current });
    } catch (error) {
      const problems = error instanceof ApiError ? error.problems.map((p) => `${p.field}: ${p.reason}`) : [];
      setRun({ kind: 'failed', message: (error as Error).message, problems });
    }
  };

  const names = files === undefined ? [] : Object.keys(files);
  const manifest = files === undefined ? undefined : manifestOf(files);
  return (
    <>
      <div className="form pack-form">
        {active.kind === 'ready' && (
          <button type="button" className="secondary" onClick={() => change(active.pack.files)} data-testid="start-from-active">
            {t('simulation.startFromActive', { version: active.pack.version })}
          </button>
        )}
        {active.kind === 'failed' && (
          <p role="alert" className="invalid">
            {t('simulation.activeUnavailable', { message: active.message })}
          </p>
        )}
        <label htmlFor={inputId}>{t('simulation.files')}</label>
        <p id={hintId} className="hint">
          {t('simulation.filesHint')}
        </p>
        <input id={inputId} type="file" multiple accept=".yaml,.yml,.json" aria-describedby={hintId} onChange={(event) => void choose(event)} data-testid="pack-files" />
        {names.length > 0 && (
          <p role="status" data-testid="pack-loaded">
            {t('simulation.loaded', { count: names.length, version: (files && versionOf(files)) ?? '–', files: names.join(', ') })}
          </p>
        )}
        {files !== undefined && manifest !== undefined && (
          <>
            <label htmlFor={versionId}>{t('simulation.version')}</label>
            <input id={versionId} type="text" value={versionOf(files) ?? ''} onChange={(event) => change(withVersion(files, manifest, event.target.value))} data-testid="pack-version" />
          </>
        )}
        {files !== undefined && (
          <button type="button" className="secondary" onClick={() => change(undefined)} data-testid="clear-pack">
            {t('simulation.clear')}
          </button>
        )}
        {unreadable.map((u) => (
          <p key={u.file} role="alert" className="field-error">
            {t('simulation.unreadable', { file: u.file, message: u.message })}
          </p>
        ))}
        <button type="button" className="button" disabled={files === undefined || unreadable.length > 0 || run.kind === 'running'} onClick={() => void simulate()} data-testid="run-simulation">
          {run.kind === 'running' ? t('simulation.running') : t('simulation.run')}
        </button>
      </div>
      {run.kind === 'failed' && (
        <div role="alert" className="card invalid" data-testid="simulation-failed">
          <p>{t('simulation.refused', { message: run.message })}</p>
          {run.problems.length > 0 && (
            <ul>
              {run.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {run.kind === 'done' && files !== undefined && <Result key={run.run} report={run.report} files={files} onActivated={loadActive} />}
    </>
  );
}

export function SimulationPage() {
  const { t } = useI18n();
  const { principal } = useSession();
  return (
    <section aria-labelledby="simulation-title">
      <h1 id="simulation-title">{t('simulation.title')}</h1>
      <p>{t('simulation.intro')}</p>
      {principal === undefined ? (
        <p role="status">{t('form.loading')}</p>
      ) : principal.role !== 'policy-admin' ? (
        <p data-testid="simulation-needs-admin">
          {t('simulation.needAdmin')} <Link href="/sign-in">{t('nav.signIn')}</Link>
        </p>
      ) : (
        <Simulator />
      )}
    </section>
  );
}
