import { createRoot } from 'react-dom/client';
import { Options } from '@/components/options/Options';
import { browserOptionsDeps } from '@/lib/options/browser-deps';

const root = document.getElementById('root');
if (root) createRoot(root).render(<Options deps={browserOptionsDeps()} />);
