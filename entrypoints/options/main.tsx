import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { Options } from '@/components/options/Options';
import { browserOptionsDeps } from '@/lib/options/browser-deps';
import { uiLanguage } from '@/lib/shared/locale';

// The page speaks the catalog's language: screen readers pronounce it so, and the tab is named in it.
document.documentElement.lang = uiLanguage();
document.title = i18n.t('options.title');

const root = document.getElementById('root');
if (root) createRoot(root).render(<Options deps={browserOptionsDeps()} />);
