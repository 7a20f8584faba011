import { setupBackground } from '@/lib/background/setup';

export default defineBackground({
  type: 'module',
  main() {
    setupBackground();
  },
});
