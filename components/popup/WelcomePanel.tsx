import { useFinder } from '@/lib/popup/finder-app';

/** First run: nothing is connected, so the only useful thing is the way to the options page. */
export function WelcomePanel() {
  const { deps } = useFinder();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Connect a provider to see trending tracks</h2>
      <p>
        Add your bundle.social or Layers API key in the settings. Cleartune then lists the tracks trending on
        TikTok that are cleared for business use.
      </p>
      <button type="button" className="primary" onClick={() => deps.openOptions()}>
        Open settings
      </button>
    </section>
  );
}
