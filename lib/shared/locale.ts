import { i18n } from '#i18n';

/**
 * The language the message catalogs answer in, as a BCP 47 tag: the browser's language when
 * Cleartune has a catalog for it, else English. Intl formats dates, numbers and relative times in this
 * language rather than the browser's, so a French browser (no catalog) never mixes English words with
 * French dates.
 */
let language: string | null = null;
export function uiLanguage(): string {
  language ??= i18n.t('lang') || 'en';
  return language;
}
