import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function setupComposer(ctx: ContentScriptContext): void {
  document.documentElement.dataset.cleartune = 'ready';
  ctx.onInvalidated(() => {
    delete document.documentElement.dataset.cleartune;
  });
}
