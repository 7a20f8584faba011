import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';

/** Notices from the background (a reset store and the like), shown once and dismissible. */
export function NoticeBanner() {
  const { store } = useFinder();
  const notices = useFinderState((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="banner banner-notice" aria-label={i18n.t('popup.notices')}>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={() => store.setState({ notices: [] })}>
        {i18n.t('content.dismiss')}
      </button>
    </section>
  );
}
