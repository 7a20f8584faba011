/**
 * `true` only in the bench build (`CLEARTUNE_BENCH=1 wxt build`), `false` in every other build and in
 * Vitest: replaced at compile time (`define` in wxt.config.ts and vitest.config.ts), so code used only
 * when it is true (bench-marks.ts) is not in the production bundle at all.
 */
declare const __CLEARTUNE_BENCH__: boolean;
