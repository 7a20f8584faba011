/**
 * The message catalogs (lib/shared/locales) as the browser gets them: `messages.json` entries keyed
 * `section_key`. For tests that check what a page says in a language.
 */
import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/** `lang` as a browser names it (`pt-BR`) or as the catalog file does (`pt_BR`). */
export function catalogMessages(lang: string): Record<string, { message: string }> {
  return generateChromeMessages(
    parseMessagesText(readFileSync(`lib/shared/locales/${lang.replace('-', '_')}.yml`, 'utf8'), 'YAML'),
  ) as Record<string, { message: string }>;
}

/** A catalog's message by its key (`options.alerts.title`), `{name}`s filled in. */
export type Catalog = (key: string, named?: Record<string, string>) => string;

export function catalog(lang: string): Catalog {
  const messages = catalogMessages(lang);
  return (key, named = {}) => {
    const message = messages[key.replaceAll('.', '_')]?.message;
    if (message === undefined) throw new Error(`no ${key} in ${lang}.yml`);
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => named[name] ?? whole);
  };
}

/**
 * `browser.i18n.getMessage` answering from `lang`'s catalog, `$1`… filled in as the browser does:
 * what unit tests install to render a language (English in tests/unit/setup.ts).
 */
export function fakeGetMessage(lang: string): (name: string, substitutions?: string | string[]) => string {
  const messages = catalogMessages(lang);
  return (name, substitutions) => {
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const list = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return message.replace(/\$(\d)|\$\$/g, (_, n?: string) => (n ? (list[Number(n) - 1] ?? '') : '$'));
  };
}
