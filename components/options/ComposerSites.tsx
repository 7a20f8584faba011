import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { siteOrigin } from '@/lib/options/site-address';
import { errorText } from '@/lib/shared/messages';
import type { MaskedSettings } from '@/lib/shared/protocol';

interface Props {
  deps: OptionsDeps;
  sites: readonly string[];
  onChanged: (settings: MaskedSettings) => void;
}

/**
 * Sites besides TikTok Studio where the composer helper may run. Adding one asks the browser for
 * access to that site (it must happen in the click itself), then registers the script there.
 */
export function ComposerSites({ deps, sites, onChanged }: Props) {
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const site = siteOrigin(address);
    if ('error' in site) {
      setMessage({ ok: false, text: site.error });
      return;
    }
    // No await before this call: the browser grants access only inside the user's gesture.
    deps
      .requestOrigin(site.pattern)
      .then(async (granted) => {
        if (!granted) {
          setMessage({ ok: false, text: i18n.t('options.sites.notAllowed', { site: site.origin }) });
          return;
        }
        onChanged(await deps.send('addComposerSite', { origin: site.origin }));
        setAddress('');
        setMessage({ ok: true, text: i18n.t('options.sites.added', { site: site.origin }) });
      })
      .catch((error: unknown) => setMessage({ ok: false, text: errorText(error) }));
  };

  const remove = async (origin: string) => {
    try {
      onChanged(await deps.send('removeComposerSite', { origin }));
      setMessage({ ok: true, text: i18n.t('options.sites.removed', { site: origin }) });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{i18n.t('options.sites.title')}</h2>
      <p className="hint">{i18n.t('options.sites.hint')}</p>
      <form className="row" onSubmit={add}>
        <label className="grow">
          <span>{i18n.t('options.sites.address')}</span>
          <input
            type="text"
            inputMode="url"
            placeholder="https://app.example.com"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <button type="submit">{i18n.t('options.sites.add')}</button>
      </form>
      <p role="status" className={message?.ok === false ? 'error-text' : 'ok-text'}>
        {message?.text}
      </p>
      {sites.length === 0 ? (
        <p className="hint">{i18n.t('options.sites.none')}</p>
      ) : (
        <ul className="site-list" aria-label={i18n.t('options.sites.title')}>
          {sites.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>
              <button
                type="button"
                aria-label={i18n.t('options.sites.removeLabel', { site: origin })}
                onClick={() => void remove(origin)}
              >
                {i18n.t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
