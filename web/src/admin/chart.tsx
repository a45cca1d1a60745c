// The 14-day hourly chart: booked sessions (bars) against capacity (step line), plain SVG, with a text summary.
import type { ForecastHour } from '../../../contract/admin/capacity.ts';

import { formatDay, todayIn, tr } from '../shared/i18n.ts';
import { A } from './strings.ts';

export type { ForecastHour } from '../../../contract/admin/capacity.ts';

const W = 1008;
const H = 200;
const PAD = 24;

export function ForecastChart({ hours }: { hours: ForecastHour[] }) {
  const s = tr(A);
  if (hours.length === 0) return null;
  const peak = Math.max(0, ...hours.map((h) => h.booked));
  const top = Math.max(1, peak, ...hours.map((h) => h.capacity));
  const bw = (W - PAD) / hours.length;
  const y = (v: number) => H - PAD - (v / top) * (H - 2 * PAD);
  const line = hours
    .map(
      (h, i) =>
        `${i === 0 ? 'M' : 'L'}${(PAD + i * bw).toFixed(1)},${y(h.capacity).toFixed(1)}h${bw.toFixed(1)}`,
    )
    .join('');
  const minCap = Math.min(...hours.map((h) => h.capacity));
  // A day label at every local midnight.
  const days = hours
    .map((h, i) => ({ i, date: new Date(h.start) }))
    .filter(
      ({ date }) =>
        new Intl.DateTimeFormat('en', {
          timeZone: 'Europe/Berlin',
          hour: 'numeric',
          hourCycle: 'h23',
        }).format(date) === '0',
    );
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="fc-title fc-desc" preserveAspectRatio="none">
        <title id="fc-title">{s.forecast}</title>
        <desc id="fc-desc">{s.forecastDesc(peak, minCap)}</desc>
        <line x1={PAD} x2={W} y1={H - PAD} y2={H - PAD} stroke="#595959" />
        <text x={2} y={y(top) + 4} font-size="11" fill="#1a1a1a">
          {top}
        </text>
        <text x={2} y={H - PAD + 4} font-size="11" fill="#1a1a1a">
          0
        </text>
        {hours.map((h, i) =>
          h.booked > 0 ? (
            <rect
              key={h.start}
              x={PAD + i * bw}
              y={y(h.booked)}
              width={Math.max(1, bw - 0.5)}
              height={H - PAD - y(h.booked)}
              fill={h.booked > h.bookable ? '#a4000f' : '#00527a'}
            />
          ) : null,
        )}
        <path d={line} fill="none" stroke="#b35900" stroke-width="2" />
        {days.map(({ i, date }) => (
          <g key={i}>
            <line x1={PAD + i * bw} x2={PAD + i * bw} y1={PAD} y2={H - PAD} stroke="#d0d7de" />
            <text x={PAD + i * bw + 2} y={H - 8} font-size="10" fill="#1a1a1a">
              {formatDay(todayIn(undefined, date)).slice(0, 2)} {todayIn(undefined, date).slice(8, 10)}.
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="small">
        <span class="key booked" /> {s.legendBooked} <span class="key cap" /> {s.legendCapacity}
      </figcaption>
    </figure>
  );
}
