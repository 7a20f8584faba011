/**
 * In-page instruments, installed with `page.addInitScript` before any of the page's own scripts run,
 * so the popup and the blank reference page are measured by the very same code.
 *
 * "Painted" = the first `setTimeout(0)` after the next `requestAnimationFrame`: the frame that shows
 * a DOM change is produced right after rAF callbacks, and the timeout runs after that frame.
 */

export interface ProbeOptions {
  /** Fields to put into every `getCatalog` the page sends (the popup cannot open on "All genres" itself). */
  catalogQuery: Record<string, string> | null;
}

export interface ProbeState {
  /** `cleartune:first-row` mark and the paint after it, ms since navigation start. */
  firstRowMark: number | null;
  firstRowPainted: number | null;
  /**
   * The paint after React's own first rows (clickable), ms since navigation start: later than
   * `firstRowPainted` when the page first painted last time's rows (lib/popup/first-paint.ts).
   */
  liveRowPainted: number | null;
  /** Per `input` event in the search box: its timeStamp to the paint after the list changed. */
  keystrokes: number[];
  /** Inputs overtaken by the next one before their update painted. */
  overtaken: number;
  rewrittenQueries: number;
  /** Each `getCatalog` the page sent: when, when its reply arrived, how many tracks it held. */
  catalogReplies: { sentAt: number; repliedAt: number; tracks: number }[];
}

/** Runs in the page (serialized by Playwright): no references to anything outside the function. */
export function installProbe(options: ProbeOptions): void {
  const state: ProbeState = {
    firstRowMark: null,
    firstRowPainted: null,
    liveRowPainted: null,
    keystrokes: [],
    overtaken: 0,
    rewrittenQueries: 0,
    catalogReplies: [],
  };
  (window as unknown as { __bench: ProbeState }).__bench = state;
  const afterPaint = (done: (at: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));

  let inputAt: number | null = null;
  let waiting = false;
  const listChanged = () => {
    if (inputAt === null || waiting) return;
    const started = inputAt;
    waiting = true;
    afterPaint((at) => {
      state.keystrokes.push(at - started);
      inputAt = null;
      waiting = false;
    });
  };

  // Wrapped, not observed: a PerformanceObserver reports a mark late, sometimes after its frame.
  const mark = performance.mark.bind(performance);
  performance.mark = ((name: string, markOptions?: PerformanceMarkOptions) => {
    const entry = mark(name, markOptions);
    if (name === 'cleartune:first-row' && state.firstRowMark === null) {
      state.firstRowMark = entry.startTime;
      afterPaint((at) => {
        state.firstRowPainted = at;
      });
    }
    // React's rows replace the inert copy of last time's: once none is left, these rows are live.
    if (
      name === 'cleartune:first-row' &&
      state.liveRowPainted === null &&
      !document.querySelector('[inert]')
    ) {
      state.liveRowPainted = -1;
      afterPaint((at) => {
        state.liveRowPainted = at;
      });
    }
    if (name === 'cleartune:first-row' || name === 'cleartune:list-updated') listChanged();
    return entry;
  }) as typeof performance.mark;

  addEventListener(
    'input',
    (event) => {
      if ((event.target as Element | null)?.id !== 'track-search') return;
      if (inputAt !== null && !waiting) state.overtaken++;
      inputAt = event.timeStamp;
    },
    true,
  );
  // A keystroke whose results render no new rows (an empty state, a count) still changes the DOM.
  new MutationObserver(listChanged).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });

  // Every getCatalog is timed (and, when asked, given another query). The popup's browser.runtime
  // wrapper passes a callback; a promise-based caller is covered too.
  const query = options.catalogQuery;
  const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
  if (runtime && typeof runtime.sendMessage === 'function') {
    const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => unknown;
    runtime.sendMessage = (message: unknown, ...rest: unknown[]) => {
      const envelope = message as { type?: string; data?: Record<string, unknown> } | null;
      if (envelope?.type !== 'getCatalog') return send(message, ...rest);
      let outgoing = message;
      if (query) {
        state.rewrittenQueries++;
        outgoing = { ...envelope, data: { ...envelope.data, ...query } };
      }
      const sentAt = performance.now();
      const record = (reply: unknown) => {
        const tracks = (reply as { value?: { tracks?: unknown[] } } | undefined)?.value?.tracks?.length ?? 0;
        state.catalogReplies.push({ sentAt, repliedAt: performance.now(), tracks });
      };
      const callback = rest.at(-1);
      if (typeof callback === 'function') {
        rest[rest.length - 1] = (reply: unknown) => {
          record(reply);
          return callback(reply);
        };
        return send(outgoing, ...rest);
      }
      const result = send(outgoing, ...rest);
      if (result instanceof Promise) result.then(record, () => {});
      return result;
    };
  }
}

/** Frame gaps and long tasks while a scroller is scrolled end to end, `step` px per frame. */
export interface ScrollResult {
  frames: number;
  gaps: number[];
  longTasks: number[];
  /** Frames where the rows in the DOM did not cover the visible part of the list. */
  uncovered: number;
  distance: number;
}

/** Runs in the page. */
export function scrollThrough([selector, step]: [string, number]): Promise<ScrollResult> {
  const scroller = document.querySelector<HTMLElement>(selector);
  if (!scroller) throw new Error(`no ${selector}`);
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  // Rows sit at index × row height (fixed); read from attributes only, so no layout is forced.
  const list = scroller.querySelector<HTMLElement>('ul');
  const firstRow = scroller.querySelector('li[data-index]');
  const rowCount = Number(firstRow?.getAttribute('aria-setsize') ?? 0);
  const rowHeight = rowCount > 0 && list ? Number.parseFloat(list.style.height) / rowCount : 0;
  const covered = () => {
    if (rowHeight <= 0) return true;
    const indexes = Array.from(scroller.querySelectorAll('li[data-index]'), (row) =>
      Number(row.getAttribute('data-index')),
    );
    if (indexes.length === 0) return false;
    const top = scroller.scrollTop;
    return (
      Math.min(...indexes) * rowHeight <= top + 1 &&
      (Math.max(...indexes) + 1) * rowHeight >=
        Math.min(top + scroller.clientHeight, rowCount * rowHeight) - 1
    );
  };
  scroller.scrollTop = 0;
  return new Promise((resolve) => {
    const gaps: number[] = [];
    let uncovered = 0;
    let last = -1;
    const frame = (now: number) => {
      if (last >= 0) gaps.push(now - last);
      last = now;
      if (!covered()) uncovered++;
      const end = scroller.scrollHeight - scroller.clientHeight;
      if (scroller.scrollTop >= end - 1) {
        // One more frame so the last long task is reported.
        setTimeout(() => {
          observer.disconnect();
          resolve({ frames: gaps.length, gaps, longTasks, uncovered, distance: end });
        }, 100);
        return;
      }
      scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
