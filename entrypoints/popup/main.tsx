import { mountFinder } from '@/components/popup/mount-finder';
import { Popup } from '@/components/popup/Popup';
import { paintOnOpen } from '@/lib/popup/first-paint';

// The rows shown last time first (lib/popup/first-paint.ts), then React's.
mountFinder(document.getElementById('root'), Popup, { painted: paintOnOpen('popup') });
