/**
 * A chart with its text alternative: a heading, a one-line summary, the chart, and the same figures as a
 * table (in a disclosure, so the page stays short; screen readers and keyboard users open it like any button).
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';
import { Chart, type ChartOption } from './chart.js';

export interface Column {
  name: string;
  values: readonly (number | null)[];
}

interface FigureProps {
  title: string;
  summary: ReactNode;
  option: ChartOption;
  /** The table's first column: one row per category (month, list, context). */
  categoryHeader: string;
  categories: readonly string[];
  columns: readonly Column[];
  /** Controls shown above the chart (a filter). */
  controls?: ReactNode;
  onSelect?: (category: string) => void;
  /** The title's heading level: 3 under a section's heading (the default), 2 when the figure is the section. */
  level?: 2 | 3;
  testId: string;
}

export function ChartFigure({ title, summary, option, categoryHeader, categories, columns, controls, onSelect, level = 3, testId }: FigureProps) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={titleId} data-testid={testId}>
      {level === 2 ? <h2 id={titleId}>{title}</h2> : <h3 id={titleId}>{title}</h3>}
      {controls}
      <p className="hint" data-testid={`${testId}-summary`}>
        {summary}
      </p>
      <Chart option={option} label={t('chart.label', { title })} onSelect={onSelect} testId={`${testId}-chart`} />
      <details>
        <summary>{t('chart.table')}</summary>
        <ScrollTable label={title}>
          <table data-testid={`${testId}-table`}>
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.name}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, i) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  {columns.map((c) => {
                    const value = c.values[i];
                    return <td key={c.name}>{value === null || value === undefined ? '–' : formatNumber(value)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </figure>
  );
}

/** A table that scrolls sideways when it is wider than the screen: focusable, so the keyboard can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/**
 * A bar (and optional line) chart over categories, the option every figure of the app starts from. Bars lie
 * horizontally when the categories are long names (lists, contexts), so they stay readable at phone width.
 */
export function barOption(
  categories: readonly string[],
  bars: readonly { name: string; values: readonly number[]; stack?: string; color?: string }[],
  line?: { name: string; values: readonly (number | null)[] },
  layout: 'columns' | 'rows' = 'columns',
): ChartOption {
  const categoryAxis = { type: 'category' as const, data: [...categories], axisLabel: { hideOverlap: true, width: 160, overflow: 'break' as const } };
  const valueAxis = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    ...(layout === 'rows'
      ? { yAxis: { ...categoryAxis, inverse: true }, xAxis: valueAxis }
      : { xAxis: categoryAxis, yAxis: line ? [valueAxis, { type: 'value' as const, splitLine: { show: false } }] : valueAxis }),
    series: [
      ...bars.map((b) => ({ type: 'bar' as const, name: b.name, data: [...b.values], ...(b.stack ? { stack: b.stack } : {}), ...(b.color ? { itemStyle: { color: b.color } } : {}) })),
      ...(line ? [{ type: 'line' as const, name: line.name, yAxisIndex: 1, data: [...line.values], connectNulls: false, symbolSize: 6 }] : []),
    ],
  };
}
