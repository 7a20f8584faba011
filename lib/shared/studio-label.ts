/**
 * How TikTok Studio is named wherever a site is named (composer labels, the tab line, the usage
 * record). A module of its own so the popup does not pull in the site-address rules with it.
 */
export const STUDIO_LABEL = 'TikTok Studio';
