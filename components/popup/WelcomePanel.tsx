import { i18n } from '#i18n';
import { useFinder } from '@/lib/popup/finder-app';
import './EmptyState.css';

/** First run: nothing is connected, so the only useful thing is the way to the options page. */
export function WelcomePanel() {
  const { deps } = useFinder();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{i18n.t('popup.welcome.title')}</h2>
      <p>{i18n.t('popup.welcome.text')}</p>
      <button type="button" className="primary" onClick={() => deps.openOptions()}>
        {i18n.t('popup.openSettings')}
      </button>
    </section>
  );
}
