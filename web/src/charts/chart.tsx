/**
 * One ECharts chart as a React component. Only the parts the pages use are registered (bar and line charts,
 * grid, tooltip, a plain legend; the SVG renderer), so the chart chunk stays small; the pages that draw charts are
 * loaded lazily and the public search page never carries it.
 *
 * A chart is an image to assistive technology (`role="img"` with a label); every chart in the app has its
 * figures beside it as text (a table), which is the accessible alternative.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Colours with at least 3:1 contrast on white (series also differ in order and legend, not by hue alone). */
export const PALETTE = ['#0b4f8a', '#a3161a', '#1d6b2f', '#8a5a00', '#5b2a86', '#00696f', '#4d4d4d'];
/**
 * The colours of the stylesheet's meanings: neutral, good, needs a look, bad, and a second neutral for a pair
 * that is neither good nor bad (entries and exits: a list may be an honour or a sanction).
 */
export const MEANING = { neutral: '#0b4f8a', good: '#1d6b2f', caution: '#8a5a00', bad: '#a3161a', other: '#00696f' } as const;

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for assistive technology. */
  label: string;
  height?: number;
  /** Called with the category (x or y axis value) of a clicked bar or point. */
  onSelect?: (category: string) => void;
  testId?: string;
}

export function Chart({ option, label, height = 280, onSelect, testId }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => {
      if (typeof event.name === 'string') select.current?.(event.name);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, animation: false, ...option }, true);
  }, [option]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId} />;
}
