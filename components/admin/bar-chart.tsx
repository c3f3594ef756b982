export interface Bar {
  /** Read out and shown in the table, e.g. "April 2025". */
  label: string;
  /** Under the bar when space is short, e.g. "Apr 25". */
  shortLabel?: string;
  value: number;
  /** The value as people read it, e.g. "£1,250.00". */
  valueLabel: string;
}

interface Props {
  title: string;
  bars: Bar[];
  /** Headings of the default data table. */
  headings?: { label: string; value: string };
  /** A data table to show beside the chart instead of the default one. */
  children?: React.ReactNode;
}

const width = 640;
const height = 260;
const top = 24;
const bottom = 32;
const side = 8;
const plotHeight = height - top - bottom;
const maxAxisLabels = 12;
// The chart is drawn to its width: on a phone it is about half size, so its text is drawn larger
// there, and every other label under the bars is left out to make room for it.
const axisText = 'text-[11px] max-sm:text-[19px]';

function summary(title: string, bars: Bar[], highest: Bar): string {
  const lowest = bars.reduce((least, bar) => (bar.value < least.value ? bar : least));
  const span = bars.length === 1 ? bars[0]!.label : `${bars[0]!.label} to ${bars.at(-1)!.label}`;
  return `${title}, ${span}. Highest: ${highest.label}, ${highest.valueLabel}. Lowest: ${lowest.label}, ${lowest.valueLabel}.`;
}

/**
 * A bar chart drawn on the server, with a summary for screen readers and its data as a table
 * beside it, so nothing in it is only visual.
 */
export function BarChart({
  title,
  bars,
  headings = { label: 'Period', value: 'Amount' },
  children,
}: Props) {
  if (bars.length === 0) return null;
  const highest = bars.reduce((best, bar) => (bar.value > best.value ? bar : best));
  const max = Math.max(0, highest.value);
  const slot = (width - 2 * side) / bars.length;
  const labelEvery = Math.ceil(bars.length / maxAxisLabels);
  return (
    <figure className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr] lg:items-start">
      <figcaption className="font-semibold lg:col-span-2">{title}</figcaption>
      <svg
        role="img"
        aria-label={summary(title, bars, highest)}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full rounded border border-rule bg-white"
      >
        <title>{title}</title>
        {max > 0 && (
          <g className="fill-muted stroke-rule">
            <line x1={side} x2={width - side} y1={top} y2={top} strokeDasharray="4 4" />
            <text x={side} y={top - 6} stroke="none" className={axisText}>
              {highest.valueLabel}
            </text>
          </g>
        )}
        {bars.map((bar, index) => {
          const barHeight = max > 0 ? (Math.max(0, bar.value) / max) * plotHeight : 0;
          const x = side + index * slot;
          return (
            <g key={bar.label}>
              <rect
                x={x + slot * 0.15}
                y={top + plotHeight - barHeight}
                width={slot * 0.7}
                height={barHeight}
                className="fill-navy"
              >
                <title>{`${bar.label}: ${bar.valueLabel}`}</title>
              </rect>
              {index % labelEvery === 0 && (
                <text
                  x={x + slot / 2}
                  y={height - bottom + 20}
                  textAnchor="middle"
                  className={`fill-muted ${axisText} ${(index / labelEvery) % 2 === 1 ? 'max-sm:hidden' : ''}`}
                >
                  {bar.shortLabel ?? bar.label}
                </text>
              )}
            </g>
          );
        })}
        <line
          x1={side}
          x2={width - side}
          y1={top + plotHeight}
          y2={top + plotHeight}
          className="stroke-ink"
        />
      </svg>
      {children ?? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                {headings.label}
              </th>
              <th scope="col" className="py-2 text-right">
                {headings.value}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label} className="border-b border-rule">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {bar.label}
                </th>
                <td className="py-1 text-right tabular-nums">{bar.valueLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
