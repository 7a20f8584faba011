import { setupComposer } from '@/lib/composer/setup';

/** TikTok Studio statically; other composer sites are registered at run time from the options page. */
export default defineContentScript({
  matches: ['https://www.tiktok.com/tiktokstudio/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    setupComposer(ctx);
  },
});
