/** Runs `run` before the next paint; where there is no frame clock (tests), soon after. */
export const nextFrame = (run: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
};
