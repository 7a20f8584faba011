/**
 * In-page UI pieces. Each sits in its own closed shadow root, so the host page's CSS cannot restyle or
 * hide it, its class names cannot collide with the page's, and the page's scripts cannot read what it
 * shows (the chosen track's title and artist); text from the page or the catalog is always set as
 * `textContent`, never parsed as HTML.
 */
import { UI_ATTRIBUTE } from '../scan/field-names';

const UI_CSS = `:host{all:initial;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f1633}
*{box-sizing:border-box}
.row{display:inline-flex;flex-wrap:wrap;align-items:center;gap:6px;margin:4px 0 4px 6px;vertical-align:middle}
button{font:inherit;padding:2px 10px;border:1px solid #6d28d9;border-radius:6px;background:#fff;color:#5b21b6;cursor:pointer}
button:hover{background:#f5f3ff}
button:disabled{border-color:#9ca3af;color:#4b5563;cursor:not-allowed;background:#f9fafb}
button:focus-visible{outline:2px solid #6d28d9;outline-offset:2px}
.chip{display:inline-flex;flex-wrap:wrap;align-items:center;gap:6px;padding:2px 4px 2px 10px;border-radius:999px;background:#ede9fe;color:#2e1065}
.chip[hidden],[hidden]{display:none!important}
.chip.problem{border-radius:6px;background:#fff7ed;color:#7c2d12;padding:4px 8px}
.stack{display:block;margin:6px 0}
.alert{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:6px 10px;margin:4px 0;border-left:4px solid #b45309;border-radius:4px;background:#fffbeb;color:#451a03}
.alert .text{flex:1 1 200px}
.note{display:block;margin:4px 0;padding:4px 10px;border-left:4px solid #6d28d9;background:#f5f3ff;color:#2e1065}
.flag{display:inline-block;margin-left:6px;color:#991b1b;font-weight:600}
.panel{position:fixed;right:16px;bottom:16px;z-index:2147483647;width:300px;padding:12px;border-radius:10px;background:#fff;color:#1f1633;border:1px solid #c4b5fd;box-shadow:0 6px 24px rgba(30,10,60,.25)}
.panel[data-dock=bottom-left]{left:16px;right:auto}
.panel[data-dock=top-right]{top:16px;bottom:auto}
.panel[data-dock=top-left]{top:16px;bottom:auto;left:16px;right:auto}
.verdict{font-weight:600}
.verdict:empty{display:none}
.panel h2{font-size:13px;margin:0 0 6px}
.panel p{margin:6px 0}
.track{display:flex;align-items:center;gap:8px}
.cover{flex:none;width:40px;height:40px;border-radius:4px;object-fit:cover;background:#ede9fe}`;

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
}

/** A host element (inline by default) with a styled shadow root, closed to the page in production. */
export function createUiHost(doc: Document, kind: string, display = 'inline-block'): UiHost {
  const host = doc.createElement('span');
  host.setAttribute(UI_ATTRIBUTE, kind);
  host.style.setProperty('display', display, 'important');
  // Closed except in the e2e build, whose tests find Cleartune's buttons with Playwright locators
  // (they cannot pierce a closed root), and in unit tests, which read the UI through `host.shadowRoot`.
  // Written out here so that Vite's replacement of MODE leaves `mode:"closed"` at this very call in
  // the production bundle (tests/e2e/release.spec.ts checks), and read when called (a unit test
  // switches the mode). Nothing in the content script reads `host.shadowRoot`: it keeps `shadow`.
  const mode = (import.meta.env as { MODE?: string }).MODE;
  const shadow = host.attachShadow({ mode: mode === 'e2e' || mode === 'test' ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = UI_CSS;
  shadow.append(style);
  return { host, shadow };
}

/**
 * Only a person's click acts. A page script cannot reach our buttons in a closed root, but the e2e
 * build's roots are open (and this holds whatever the mode): a `.click()` from a script is not
 * trusted and must not fill the page's form or change our UI. jsdom, where the unit tests run, marks
 * no event as trusted.
 */
const TRUST_SYNTHETIC_CLICKS = (import.meta.env as { MODE?: string }).MODE === 'test';

interface Props {
  text?: string;
  className?: string;
  attrs?: Record<string, string>;
  onClick?: () => void;
}

/** A small element factory: text only through `textContent`. */
export function el(doc: Document, tag: string, props: Props = {}, ...children: (Node | null)[]): HTMLElement {
  const element = doc.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) {
    const onClick = props.onClick;
    element.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted || TRUST_SYNTHETIC_CLICKS) onClick();
    });
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export function button(doc: Document, text: string, onClick: () => void): HTMLButtonElement {
  return el(doc, 'button', { text, attrs: { type: 'button' }, onClick }) as HTMLButtonElement;
}

/** "♪ Title — Artist": how a track is named everywhere on the page. */
export function trackLabel(track: { title: string; artist: string }): string {
  return track.artist ? `♪ ${track.title} — ${track.artist}` : `♪ ${track.title}`;
}
