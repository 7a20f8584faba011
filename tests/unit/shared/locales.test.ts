/**
 * The message catalogs (lib/shared/locales): every language has exactly the English keys, keeps
 * each placeholder, and a count's message stays a plural. A catalog that breaks any of these fails
 * here, before a user sees a raw key or a "{site}" in the page.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesFile, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve('lib/shared/locales');
const LANGUAGES = ['en', 'es', 'pt_BR', 'id', 'vi', 'de'];

type Parsed = Awaited<ReturnType<typeof parseMessagesFile>>;

interface Shape {
  substitutions: number;
  named: string[];
  plural: boolean;
  texts: string[];
}

function shapes(messages: Parsed): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const message of messages) {
    const key = message.key.join('.');
    if (key.startsWith('@@')) continue;
    const texts =
      message.type === 'plural' ? Object.values(message.plurals).map(String) : [String(message.message)];
    out.set(key, {
      substitutions: message.substitutions,
      named: [...message.namedSubstitutions].sort(),
      plural: message.type === 'plural',
      texts,
    });
  }
  return out;
}

/** What is wrong with `other` against the source catalog; empty when it matches. */
function catalogProblems(source: Parsed, other: Parsed): string[] {
  const want = shapes(source);
  const have = shapes(other);
  const problems: string[] = [];
  for (const key of want.keys()) if (!have.has(key)) problems.push(`missing ${key}`);
  for (const [key, shape] of have) {
    const expected = want.get(key);
    if (!expected) {
      problems.push(`extra ${key}`);
      continue;
    }
    if (shape.plural !== expected.plural) problems.push(`${key}: plural in one language only`);
    if (shape.named.join() !== expected.named.join())
      problems.push(
        `${key}: placeholders {${shape.named.join('}, {')}} instead of {${expected.named.join('}, {')}}`,
      );
    // A plural's count ($1) may be left out of a form ("one track"), never added where English has none.
    if (shape.substitutions > expected.substitutions)
      problems.push(`${key}: $${shape.substitutions} is not filled in`);
    if (!shape.plural && shape.substitutions !== expected.substitutions)
      problems.push(
        `${key}: ${shape.substitutions} numbered placeholders instead of ${expected.substitutions}`,
      );
    if (shape.texts.some((text) => text.trim() === '')) problems.push(`${key}: empty`);
  }
  return problems;
}

describe('message catalogs', () => {
  it('exist for every language, and nothing else is in the folder', () => {
    expect(readdirSync(DIR).sort()).toEqual(LANGUAGES.map((lang) => `${lang}.yml`).sort());
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))(
    '%s has every English key and placeholder',
    async (lang) => {
      const en = await parseMessagesFile(path.join(DIR, 'en.yml'));
      const other = await parseMessagesFile(path.join(DIR, `${lang}.yml`));
      expect(catalogProblems(en, other)).toEqual([]);
    },
  );

  it('catches a missing key, an extra key, a broken placeholder and a lost plural', () => {
    const en = parseMessagesText('a: Hello {name}\nb: Bye\ncount:\n  1: one track\n  n: $1 tracks\n', 'YAML');
    const broken = parseMessagesText('a: Hola {nombre}\nc: Extra\ncount: $1 pistas\n', 'YAML');
    expect(catalogProblems(en, broken)).toEqual([
      'missing b',
      'a: placeholders {nombre} instead of {name}',
      'extra c',
      'count: plural in one language only',
    ]);
  });
});
