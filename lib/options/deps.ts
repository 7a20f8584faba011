import type { send } from '../shared/messages';

/** What the options page reaches outside itself, injected so component tests can fake it. */
export interface OptionsDeps {
  send: typeof send;
  /** Must run inside the click that asked for it: browsers grant host access only on a user gesture. */
  requestOrigin: (pattern: string) => Promise<boolean>;
  download: (fileName: string, text: string) => void;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
