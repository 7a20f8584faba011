import { memo } from 'react';
import { type RankPoint, sparklineSegments, trendLabel } from '@/lib/popup/trend';

const WIDTH = 64;
const HEIGHT = 20;

/** Daily rank over up to 30 days, up is better; days without a rank leave a gap. */
export const Sparkline = memo(function Sparkline({ history }: { history: readonly RankPoint[] }) {
  const { paths, dots } = sparklineSegments(history, WIDTH, HEIGHT);
  if (paths.length === 0 && dots.length === 0) return null;
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={trendLabel(history)}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
      {dots.map((dot) => (
        <circle key={`${dot.x},${dot.y}`} cx={dot.x} cy={dot.y} r={1.5} />
      ))}
    </svg>
  );
});
