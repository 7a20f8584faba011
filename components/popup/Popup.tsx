import { Finder } from './Finder';

/** The toolbar popup: the finder at the popup's fixed width. */
export function Popup() {
  return <Finder className="popup" />;
}
