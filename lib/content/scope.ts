/**
 * A disposable unit of content-script work. Every listener, timer and observer hangs off a scope;
 * disposing it (or invalidating the content script's context, which disposes the root) removes them
 * all, so a reloaded extension leaves nothing behind on the page.
 */
export interface Scope {
  readonly signal: AbortSignal;
  readonly active: boolean;
  listen(target: EventTarget, type: string, handler: (event: Event) => void, capture?: boolean): void;
  /** A timer that never fires after disposal or once the extension context is gone. */
  timeout(callback: () => void, ms: number): () => void;
  onDispose(callback: () => void): void;
  child(): Scope;
  dispose(): void;
}

/** `stillValid` is asked before every timer callback: reading it is how WXT notices invalidation. */
export function createScope(parent: AbortSignal, stillValid: () => boolean = () => true): Scope {
  const controller = new AbortController();
  const signal = controller.signal;
  const dispose = () => controller.abort();
  if (parent.aborted) dispose();
  else parent.addEventListener('abort', dispose, { once: true });
  signal.addEventListener('abort', () => parent.removeEventListener('abort', dispose), { once: true });
  const scope: Scope = {
    signal,
    get active() {
      if (signal.aborted) return false;
      // Asking may itself invalidate the context, which aborts this scope: read the signal again.
      return stillValid() && !signal.aborted;
    },
    listen(target, type, handler, capture = false) {
      if (!signal.aborted) target.addEventListener(type, handler, { capture, signal });
    },
    timeout(callback, ms) {
      const cancel = () => clearTimeout(id);
      const id = setTimeout(() => {
        signal.removeEventListener('abort', cancel);
        if (scope.active) callback();
      }, ms);
      signal.addEventListener('abort', cancel, { once: true });
      return () => {
        cancel();
        signal.removeEventListener('abort', cancel);
      };
    },
    onDispose(callback) {
      if (signal.aborted) callback();
      else signal.addEventListener('abort', () => callback(), { once: true });
    },
    child: () => createScope(signal, stillValid),
    dispose,
  };
  return scope;
}
