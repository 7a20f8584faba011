import { mountFinder } from '@/components/popup/mount-finder';
import { SidePanel } from '@/components/popup/SidePanel';

mountFinder(document.getElementById('root'), SidePanel, { panel: true });
