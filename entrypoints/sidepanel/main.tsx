import { mountFinder } from '@/components/popup/mount-finder';
import { SidePanel } from '@/components/popup/SidePanel';
import { paintOnOpen } from '@/lib/popup/first-paint';

// The rows shown last time first (lib/popup/first-paint.ts), then React's.
mountFinder(document.getElementById('root'), SidePanel, { panel: true, painted: paintOnOpen('panel') });
