import { paintOnOpen, startApp } from '@/lib/popup/first-paint';

/**
 * Loaded by popup.html and sidepanel.html as a classic script after #root: it paints last time's
 * first screen while React's modules are still loading (lib/popup/first-paint.ts), then starts
 * the app. A separate, dependency-free script because a module of the page's own graph would run
 * only once React had loaded.
 */
export default defineUnlistedScript(() => {
  let painted = false;
  try {
    painted = paintOnOpen(location.pathname.endsWith('/sidepanel.html') ? 'panel' : 'popup');
  } finally {
    // The app starts whatever happened to the copy.
    startApp(painted);
  }
});
