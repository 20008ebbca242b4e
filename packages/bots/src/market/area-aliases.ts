/**
 * Extra spellings leads use for well-known Austin-area places, grouped per place. The area matcher merges a group
 * into a market area when any spelling of the group equals the area's name or one of its aliases, so tenants keep
 * control of their canonical names and these only widen recall.
 */
export const AUSTIN_AREA_ALIASES: readonly (readonly string[])[] = [
  ['Downtown', 'downtown austin', 'austin downtown', 'downtown atx', 'dtown', 'down town', 'dt austin'],
  ['West Lake Hills', 'westlake', 'westlake hills', 'west lake', 'wlh', 'west lake hill'],
  ['Cedar Park', 'cedarpark'],
  ['Round Rock', 'roundrock'],
  ['Pflugerville', 'pf', 'pville', 'pflug', 'p-ville', 'pfville'],
  ['Georgetown', 'georgetown tx'],
  ['Leander', 'leander tx'],
  ['Dripping Springs', 'dripping', 'drippin springs', 'drippin', 'dripping spring'],
  ['Mueller', 'mueller district', 'the mueller'],
  ['East Austin', 'east side', 'eastside', 'east atx', 'e austin', 'east austin tx'],
  ['South Congress', 'soco', 'so co', 's congress', 'south congress ave'],
  ['Hyde Park', 'hydepark'],
  ['Zilker', 'zilker park'],
  ['Tarrytown', 'tarry town'],
  ['Bee Cave', 'bee caves', 'beecave', 'beecaves'],
  ['Lakeway', 'lake way'],
  ['Hutto', 'hutto tx'],
  ['Manor', 'manor tx'],
  ['Kyle', 'kyle tx'],
  ['Buda', 'buda tx'],
];
