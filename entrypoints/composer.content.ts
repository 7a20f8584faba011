import { setupComposer } from '@/lib/content/setup-composer';

/** TikTok Studio statically; other composer sites are registered at run time from the options page. */
export default defineContentScript({
  matches: ['https://www.tiktok.com/tiktokstudio/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would also announce each start to the page's own scripts with window.postMessage (naming
  // the extension); its custom event is enough to retire an older copy, so the page hears nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    setupComposer(ctx);
  },
});
