import { mountFinder } from '@/components/popup/mount-finder';
import { Popup } from '@/components/popup/Popup';

mountFinder(document.getElementById('root'), Popup);
