/**
 * One document under watch: its adapter (Studio or generic), its batched observer, and the
 * same-origin iframes inside it. A document is claimed so that exactly one content-script instance
 * handles it: the frame's own instance or, when the frame has none (`srcdoc`, `about:blank`, a URL
 * outside the matches), the instance of the page around it.
 */
import type { ChosenTrack } from '../shared/track';
import { observeDocument } from './document-observer';
import { createGenericAdapter, type FieldCandidate, GENERIC_WATCH_SELECTOR } from './generic-adapter';
import { addsIdField } from './scan/composer-scan';
import type { Scope } from './scope';
import { createStudioAdapter, STUDIO_LABEL, type StudioAdapter } from './studio/studio-adapter';
import { studioRegions } from './studio/studio-dom';
import { isStudioDocument, STUDIO_COMPOSER_SELECTOR } from './studio/studio-selectors';
import { injectPageStyle } from './ui/page-style';

/**
 * Where a document's owner is kept: a property of the document object as the content script's
 * isolated world sees it. The page's scripts run in another world, with their own wrapper of the same
 * document, so they can neither read nor set it (an attribute on `<html>`, as before, let any page
 * switch the script off). The extension's content scripts share one world per frame, and the
 * parent's instance reaches a child frame's document in that same world, so the static and the
 * registered copy, and a frame and the page around it, see each other's claims. `Symbol.for`, not
 * `Symbol()`: each copy of the script evaluates this module on its own.
 */
const OWNER = Symbol.for('cleartune.documentOwner');

type Claimable = Document & { [OWNER]?: string };

export interface WatchDeps {
  owner: string;
  chosen(): ChosenTrack | null;
  /** A composer may have appeared or gone: presence is reported again. */
  composersChanged(): void;
  focused(): void;
  /** A person's Insert or Replace click filled a field here (`label`: the site). */
  filledByPerson?(label: string): void;
  /** A person right-clicked `target` here, or in a frame watched with it (the context menu's insert). */
  rightClicked?(target: Element | null): void;
}

export interface LabelledCandidate extends FieldCandidate {
  label: string;
}

export interface WatchedDocument {
  hasComposer(): boolean;
  /** Composers here and in the frames watched with it (Studio's form counts as one). */
  composerCount(): number;
  /** The generic composers' regions, here and in the frames watched with it. */
  composerRoots(): Element[];
  /**
   * Whether the focus is here: in this document or in a frame watched with it. Not `hasFocus()`,
   * which is also true while the focus is in a child frame that has its own content script.
   */
  hasFocus(): boolean;
  candidates(): LabelledCandidate[];
  studios(): StudioAdapter[];
  /** The chosen track changed: re-render buttons, chips, warnings and the Studio panel. */
  refresh(): void;
  rescan(): void;
}

/** Marks a document as handled by `owner`; false when another instance already handles it. */
export function claimDocument(doc: Document, owner: string, scope: Scope): boolean {
  const claimed = doc as Claimable;
  if (!doc.documentElement) return false;
  const current = claimed[OWNER];
  if (current && current !== owner) return false;
  claimed[OWNER] = owner;
  scope.onDispose(() => {
    if (claimed[OWNER] === owner) delete claimed[OWNER];
  });
  return true;
}

/**
 * Whether added elements change a known composer: they landed inside its region, brought a region
 * back (a subtree moved), or are labels naming one of its controls. A composer's region is the
 * largest one around its id fields, so anything else added can only matter by adding an id field.
 */
export function touchesComposer(added: readonly Element[], roots: readonly Element[]): boolean {
  if (roots.length === 0) return false;
  const inside = (node: Node) => roots.some((root) => root.contains(node));
  return added.some((element) => {
    if (inside(element) || roots.some((root) => element.contains(root))) return true;
    const labels = element.localName === 'label' ? [element] : Array.from(element.querySelectorAll('label'));
    return labels.some((label) => {
      const control = (label as HTMLLabelElement).control;
      return control != null && inside(control);
    });
  });
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

export function watchDocument(
  doc: Document,
  scope: Scope,
  deps: WatchDeps,
  parentLabel = '',
): WatchedDocument {
  scope.onDispose(injectPageStyle(doc));
  const studio = isStudioDocument(doc)
    ? createStudioAdapter(doc, scope, deps.chosen, deps.composersChanged)
    : null;
  const generic = studio
    ? null
    : createGenericAdapter(doc, scope, deps.chosen, () => deps.filledByPerson?.(label));
  const label = studio ? STUDIO_LABEL : doc.location?.hostname || parentLabel;
  const frames = new Map<HTMLIFrameElement, { doc: Document; scope: Scope; watched: WatchedDocument }>();
  const listenedFrames = new WeakSet<HTMLIFrameElement>();
  let had = false;

  const syncFrames = () => {
    for (const [frame, child] of frames) {
      if (frame.isConnected && frameDocument(frame) === child.doc) continue;
      child.scope.dispose();
      frames.delete(frame);
    }
    for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
      if (!listenedFrames.has(frame)) {
        listenedFrames.add(frame);
        scope.listen(frame, 'load', () => rescan());
      }
      const childDoc = frameDocument(frame);
      if (!childDoc || frames.has(frame)) continue;
      const childScope = scope.child();
      if (claimDocument(childDoc, deps.owner, childScope)) {
        frames.set(frame, {
          doc: childDoc,
          scope: childScope,
          watched: watchDocument(childDoc, childScope, deps, label),
        });
      } else childScope.dispose();
    }
  };

  const rescan = () => {
    studio?.rescan();
    generic?.rescan();
    syncFrames();
    const has = watched.hasComposer();
    if (has !== had) deps.composersChanged();
    had = has;
  };

  const watched: WatchedDocument = {
    hasComposer: () =>
      Boolean(studio?.hasComposer() || generic?.hasComposer()) ||
      [...frames.values()].some((child) => child.watched.hasComposer()),
    composerCount: () =>
      (studio?.hasComposer() ? 1 : 0) +
      (generic?.roots().length ?? 0) +
      [...frames.values()].reduce((sum, child) => sum + child.watched.composerCount(), 0),
    composerRoots: () => [
      ...(generic?.roots() ?? []),
      ...[...frames.values()].flatMap((child) => child.watched.composerRoots()),
    ],
    hasFocus() {
      if (!doc.hasFocus()) return false;
      const active = doc.activeElement;
      if (active?.localName !== 'iframe') return true;
      return frames.get(active as HTMLIFrameElement)?.watched.hasFocus() ?? false;
    },
    candidates: () => [
      ...(generic?.candidates() ?? []).map((candidate) => ({ ...candidate, label })),
      ...[...frames.values()].flatMap((child) => child.watched.candidates()),
    ],
    studios: () => [
      ...(studio ? [studio] : []),
      ...[...frames.values()].flatMap((child) => child.watched.studios()),
    ],
    refresh() {
      studio?.rescan();
      generic?.evaluate();
      for (const child of frames.values()) child.watched.refresh();
    },
    rescan,
  };

  observeDocument(doc, scope, `${studio ? STUDIO_COMPOSER_SELECTOR : GENERIC_WATCH_SELECTOR}, iframe`, {
    tracked: () => [...(generic?.tracked() ?? []), ...(studio?.tracked() ?? []), ...frames.keys()],
    holds: (parent) => (generic?.roots() ?? []).some((root) => root.contains(parent)),
    active: () => Boolean(generic?.hasComposer()),
    onStructure: (added) => {
      // With or without composers, a change elsewhere on the page costs these checks and no scan.
      const worthALook =
        added === null ||
        studio !== null ||
        added.some((element) => element.matches('iframe') || element.querySelector('iframe')) ||
        touchesComposer(added, generic?.roots() ?? []) ||
        addsIdField(added);
      if (worthALook) rescan();
    },
    onState: () => generic?.evaluate(),
    ...(studio ? { regions: () => studioRegions(doc) } : {}),
  });
  scope.listen(doc, 'focusin', () => deps.focused(), true);
  // A frame's element is no `instanceof Element` of this script's realm: checked by node type.
  scope.listen(
    doc,
    'contextmenu',
    (event) =>
      deps.rightClicked?.((event.target as Node | null)?.nodeType === 1 ? (event.target as Element) : null),
    true,
  );
  rescan();
  return watched;
}
