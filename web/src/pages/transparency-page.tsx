/**
 * The public transparency dashboard (issue 7 §6): month by month, list entries and exits, objections and
 * credit repair applications with the median time to decision, checks answered per context and decision
 * (GET /v1/transparency), and the exchange with partner nodes (GET /v1/exchange/status). Every chart has its
 * figures beside it as a table. Counts only: no company is named.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { fetchExchangeStatus, fetchTransparency, type Decision, type ExchangeStatus, type TransparencyReport } from '../api.js';
import { MEANING } from '../charts/chart.js';
import { barOption, ChartFigure, ScrollTable } from '../charts/figure.js';
import { useI18n } from '../i18n/context.js';
import type { Locale } from '../i18n/locales.js';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; report: TransparencyReport; exchange: ExchangeStatus };

const DECISIONS: readonly Decision[] = ['allow', 'review', 'deny'];
const ALL = '';
const DECISION_COLOURS: Record<Decision, string> = { allow: MEANING.good, review: MEANING.caution, deny: MEANING.bad };

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);
/** Adds series of the same length element by element. */
const add = (series: readonly (readonly number[])[], length: number) => Array.from({ length }, (_, i) => sum(series.map((s) => s[i] ?? 0)));

/** A pack list's name in the reader's language: Chinese for both Chinese scripts, Portuguese where the pack has it. */
export function listName(name: { zh: string; en: string; pt?: string }, locale: Locale): string {
  return locale === 'zh-Hans' || locale === 'zh-Hant' ? name.zh : locale === 'pt' ? (name.pt ?? name.en) : name.en;
}

function Select({ label, value, options, onChange, testId }: { label: string; value: string; options: { value: string; text: string }[]; onChange: (v: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Dashboard({ report, exchange }: { report: TransparencyReport; exchange: ExchangeStatus }) {
  const { t, label, locale, formatNumber, formatDay, formatInstant } = useI18n();
  const [list, setList] = useState(ALL);
  const [context, setContext] = useState(ALL);
  const n = report.months.length;
  const monthFormat = useMemo(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }), [locale]);
  const months = useMemo(() => report.months.map((m) => monthFormat.format(new Date(`${m}-01T00:00:00Z`))), [report.months, monthFormat]);
  const span = { months: n };

  const shownLists = report.lists.filter((l) => list === ALL || l.list === list);
  const entered = add(shownLists.map((l) => l.entered), n);
  const exited = add(shownLists.map((l) => l.exited), n);
  const shownChecks = report.checks.filter((c) => context === ALL || c.context === context);
  const checks = Object.fromEntries(DECISIONS.map((d) => [d, add(shownChecks.map((c) => c.decisions[d]), n)])) as Record<Decision, number[]>;
  const decisionName = (d: Decision) => label('checkDecision', d);

  const cases = (kind: 'objections' | 'repairs') => {
    const c = report[kind];
    const [positive, negative] =
      kind === 'objections'
        ? ([{ name: t('transparency.upheld'), values: report.objections.upheld }, { name: t('transparency.rejected'), values: report.objections.rejected }] as const)
        : ([{ name: t('transparency.granted'), values: report.repairs.granted }, { name: t('transparency.refused'), values: report.repairs.refused }] as const);
    const bars = [
      { name: t('transparency.filed'), values: c.filed, color: MEANING.neutral },
      { ...positive, color: MEANING.good },
      { ...negative, color: MEANING.bad },
    ];
    const median = { name: t('transparency.medianDays'), values: c.medianDaysToDecision };
    return (
      <ChartFigure
        title={t(kind === 'objections' ? 'transparency.objections' : 'transparency.repairs')}
        summary={t('transparency.casesSummary', { filed: formatNumber(sum(c.filed)), decided: formatNumber(sum(positive.values) + sum(negative.values)), ...span })}
        option={barOption(months, bars, median)}
        categoryHeader={t('chart.month')}
        categories={months}
        columns={[...bars, median]}
        testId={kind}
      />
    );
  };

  return (
    <>
      <section aria-labelledby="lists-title">
        <h2 id="lists-title">{t('transparency.lists')}</h2>
        <p className="hint">{t('transparency.listsHint', { version: report.policyVersion })}</p>
        <ChartFigure
          title={list === ALL ? t('transparency.allLists') : listName(shownLists[0]!.name, locale)}
          controls={
            <Select
              label={t('transparency.listFilter')}
              value={list}
              onChange={setList}
              options={[{ value: ALL, text: t('transparency.allLists') }, ...report.lists.map((l) => ({ value: l.list, text: listName(l.name, locale) }))]}
              testId="list-filter"
            />
          }
          summary={t('transparency.listsSummary', { entered: formatNumber(sum(entered)), exited: formatNumber(sum(exited)), ...span })}
          option={barOption(months, [
            { name: t('transparency.entered'), values: entered, color: MEANING.neutral },
            { name: t('transparency.exited'), values: exited, color: MEANING.other },
          ])}
          categoryHeader={t('chart.month')}
          categories={months}
          columns={[
            { name: t('transparency.entered'), values: entered },
            { name: t('transparency.exited'), values: exited },
          ]}
          testId="lists"
        />
        <ScrollTable label={t('transparency.lists')}>
          <table data-testid="lists-today">
            <caption>{t('transparency.listsToday', { date: formatDay(report.asOf) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transparency.listFilter')}</th>
                <th scope="col">{t('transparency.onListToday')}</th>
                <th scope="col">{t('transparency.entered')}</th>
                <th scope="col">{t('transparency.exited')}</th>
              </tr>
            </thead>
            <tbody>
              {report.lists.map((l) => (
                <tr key={l.list} data-list={l.list}>
                  <th scope="row">{listName(l.name, locale)}</th>
                  <td>{formatNumber(l.current)}</td>
                  <td>{formatNumber(sum(l.entered))}</td>
                  <td>{formatNumber(sum(l.exited))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t('transparency.dueProcess')}</h2>
        {cases('objections')}
        {cases('repairs')}
      </section>

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t('transparency.checks')}</h2>
        <p className="hint">{t('transparency.checksHint')}</p>
        <ChartFigure
          title={context === ALL ? t('transparency.allContexts') : label('checkContext', context)}
          controls={
            <Select
              label={t('transparency.contextFilter')}
              value={context}
              onChange={setContext}
              options={[{ value: ALL, text: t('transparency.allContexts') }, ...report.checks.map((c) => ({ value: c.context, text: label('checkContext', c.context) }))]}
              testId="context-filter"
            />
          }
          summary={t('transparency.checksSummary', { count: formatNumber(sum(DECISIONS.flatMap((d) => checks[d]))), ...span })}
          option={barOption(
            months,
            DECISIONS.map((d) => ({ name: decisionName(d), values: checks[d], stack: 'checks', color: DECISION_COLOURS[d] })),
          )}
          categoryHeader={t('chart.month')}
          categories={months}
          columns={DECISIONS.map((d) => ({ name: decisionName(d), values: checks[d] }))}
          testId="checks"
        />
      </section>

      <section aria-labelledby="exchange-title">
        <h2 id="exchange-title">{t('transparency.exchange')}</h2>
        {exchange.partners.length === 0 ? (
          <p data-testid="exchange-none">{t('transparency.noPartners')}</p>
        ) : (
          <ScrollTable label={t('transparency.exchange')}>
            <table data-testid="exchange">
              <thead>
                <tr>
                  <th scope="col">{t('transparency.partner')}</th>
                  <th scope="col">{t('transparency.state')}</th>
                  <th scope="col">{t('transparency.lastPull')}</th>
                  <th scope="col">{t('transparency.pages')}</th>
                  <th scope="col">{t('transparency.items')}</th>
                  <th scope="col">{t('transparency.rejectedPages')}</th>
                </tr>
              </thead>
              <tbody>
                {exchange.partners.map((p) => (
                  <tr key={p.partner}>
                    <th scope="row">{p.partner}</th>
                    <td>{p.lastError === null ? t('transparency.ok') : t('transparency.failing')}</td>
                    <td>{p.lastPullAt === null ? t('transparency.never') : formatInstant(p.lastPullAt)}</td>
                    <td>{formatNumber(p.pagesApplied)}</td>
                    <td>{formatNumber(p.itemsApplied)}</td>
                    <td>{formatNumber(p.rejectedPages)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}

export function TransparencyPage() {
  const { t, formatDay } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([fetchTransparency(abort.signal), fetchExchangeStatus(abort.signal)]).then(
      ([report, exchange]) => setLoaded({ kind: 'done', report, exchange }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ kind: 'failed', message: (error as Error).message });
      },
    );
    return () => abort.abort();
  }, []);

  return (
    <section aria-labelledby="transparency-title">
      <h1 id="transparency-title">{t('transparency.title')}</h1>
      {loaded.kind === 'loading' && <p role="status">{t('transparency.loading')}</p>}
      {loaded.kind === 'failed' && <p role="alert">{t('transparency.error', { message: loaded.message })}</p>}
      {loaded.kind === 'done' && (
        <>
          <p data-testid="transparency-intro">{t('transparency.intro', { node: loaded.report.node, months: loaded.report.months.length, date: formatDay(loaded.report.asOf) })}</p>
          <Dashboard report={loaded.report} exchange={loaded.exchange} />
        </>
      )}
    </section>
  );
}
