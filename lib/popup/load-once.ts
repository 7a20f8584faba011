/**
 * `load` run once and remembered, for the finder's parts that load after its first paint. A load
 * that failed (a chunk that could not be fetched) runs again on the next call instead of failing for
 * good.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
