/** One chart: a figure with its heading, a caption saying what is counted, and a test id. */
import type { ReactNode } from 'react';

export function ChartFigure(props: { testId: string; title: string; caption: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart" data-testid={props.testId} aria-label={props.title}>
      <h3>{props.title}</h3>
      <div className="chart-plot">{props.children}</div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
