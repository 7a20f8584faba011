import { useEffect, useState } from 'react';

/**
 * The time, renewed every second while `ticking`: enough for a countdown, and no timer at all on a
 * screen with nothing counting down.
 */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
