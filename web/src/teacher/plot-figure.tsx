// Draws an Observable Plot chart into a div sized to its container, redrawn when the width changes.
// The chart is hidden from screen readers; every figure passes an accessible table or summary as
// `fallback`, shown under a disclosure so keyboard and screen-reader users get the same numbers.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PlotFigureProps {
  /** Builds the chart for a width in CSS pixels (Plot.plot({...})). */
  draw(width: number): Element;
  /** One sentence saying what the chart shows. */
  summary: string;
  fallback: ReactNode;
}

export function PlotFigure({ draw, summary, fallback }: PlotFigureProps) {
  const { t } = useTranslation('teacher');
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((current) => (Math.abs(current - next) > 8 ? next : current));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0) return;
    const chart = draw(width);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, width]);

  return (
    <figure className="teacher-figure">
      <div ref={container} className="teacher-plot" aria-hidden="true" dir="ltr" />
      <figcaption>
        <p>{summary}</p>
        <details>
          <summary>{t('dashboard.showTable')}</summary>
          {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
          <div className="teacher-table-scroll" tabIndex={0} role="region" aria-label={summary}>
            {fallback}
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
