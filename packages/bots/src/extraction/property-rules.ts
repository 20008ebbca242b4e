import type { PhraseRule } from './phrase-rules';

/** Property types the extractor reports (core's `PropertyType`). */
export type ExtractedPropertyType =
  | 'single_family'
  | 'condo'
  | 'townhouse'
  | 'multi_family'
  | 'land'
  | 'manufactured'
  | 'other';

/** Coarse property condition the extractor reports. */
export type ExtractedCondition = 'move_in_ready' | 'needs_work' | 'fixer_upper';

/** Property-type phrases. */
export const PROPERTY_TYPE_RULES: readonly PhraseRule<ExtractedPropertyType>[] = [
  { pattern: /\b(mobile|manufactured|modular|trailer) homes?\b|\bdouble ?wide\b/g, value: 'manufactured' },
  { pattern: /\b(condos?|condominiums?|high ?rise unit|loft)\b/g, value: 'condo' },
  { pattern: /\btown ?(homes?|houses?)\b|\brow ?houses?\b/g, value: 'townhouse' },
  { pattern: /\b(duplex(es)?|triplex(es)?|fourplex(es)?|four plex|quadplex(es)?|[234] ?plex|multi ?family|multifamily)\b/g, value: 'multi_family' },
  { pattern: /\b(land|lot|acreage) (to build|for building|to build on)\b|\b(vacant|raw|empty) (land|lot)\b|\bbuild(ing)? lot\b|\b(my|our|the|some|sell|buy|buying|selling|for|want|need|want some|need some) land\b(?! (and|with))/g, value: 'land' },
  { pattern: /\bsingle ?family\b|\bsfh\b|\bdetached (home|house)\b/g, value: 'single_family' },
];

/** Condition phrases, most severe first. */
export const CONDITION_RULES: readonly PhraseRule<ExtractedCondition>[] = [
  { pattern: /\bfixer( upper)?s?\b|\b(a lot|lots|tons|ton) of work\b|\bmajor (repairs?|work|issues)\b|\bfoundation (issues?|problems?|repairs?|damage|needs|has|is cracked|cracks?)\b|\bgut (job|it|reno)\b|\btear ?down\b|\bas is\b|\bneeds everything\b|\b(full|complete|total|major|huge) (remodel|renovation|reno|rehab|gut)\b|\bneeds to be gutted\b|\bfire damage\b|\bwater damage\b/g, value: 'fixer_upper' },
  { pattern: /\bneeds? (some |a little |a bit of |a |an |minor |small |a few |cosmetic )?(work|updat\w*|tlc|repairs?|love|paint|new (roof|carpet|paint|hvac|ac|floors?))\b|\b(dated|outdated)\b|\btlc\b|\b(some|minor|small) repairs\b|\bcosmetic\b|\bgood bones\b|\bhandyman special\b/g, value: 'needs_work' },
  { pattern: /\bmove in ready\b|\bturn ?key\b|\b(just|fully|recently|newly|completely) (remodeled|renovated|updated|redone)\b|\bupdated everything\b|\b(great|good|excellent|perfect|mint|pristine) (shape|condition)\b|\blike new\b|\bimmaculate\b|\bno issues\b|\bwell maintained\b/g, value: 'move_in_ready' },
];

/** Must-have features; values are the canonical strings reported in `mustHaves`. */
export const MUST_HAVE_RULES: readonly PhraseRule<string>[] = [
  { pattern: /\b(swimming )?pools?\b(?! table)/g, value: 'pool' },
  { pattern: /\bgarages?\b|\bcarport\b/g, value: 'garage' },
  { pattern: /\b(back ?yards?|front ?yards?|yards?|fenced|room for the dogs?|space for the dogs?)\b/g, value: 'yard' },
  { pattern: /\bhome office\b|(?:^|[,;:]\s*|\b(?:an|a|dedicated|separate|private|need|needs|want|wants|extra|with|plus|and|or|have|own|office)\s)office\b|\bstudy\b|\bwork ?space\b|\boffice (space|room)\b/g, value: 'office' },
  { pattern: /\b(single|one|1) ?(story|level)\b|\bno stairs\b|\bcan'?t do stairs\b|\branch style\b/g, value: 'single story' },
  { pattern: /\bfireplaces?\b/g, value: 'fireplace' },
  { pattern: /\bbasements?\b/g, value: 'basement' },
  { pattern: /\b(good|great|top|best|top rated|highly rated) schools?\b|\bschool district\b/g, value: 'good schools' },
  { pattern: /\bacreage\b|\b(\d+|an|one|two|few) acres?\b/g, value: 'acreage' },
  { pattern: /\bguest ?house\b|\bcasita\b|\b(mother|mom) in law (suites?|units?|apartments?|quarters)\b|\bin ?law (suites?|units?|quarters)\b|\badu\b/g, value: 'guest house' },
  { pattern: /\b(lake|hill country|city|water|skyline|downtown|river|greenbelt|great|nice|good|amazing|beautiful|pretty) views?\b|\bviews\b|\ba view\b/g, value: 'view' },
  { pattern: /\b(updated|new|remodeled|renovated|modern) kitchen\b/g, value: 'updated kitchen' },
  { pattern: /\bopen (floor ?plan|concept|layout)\b/g, value: 'open floor plan' },
  { pattern: /\b(no|without an?|without) h\.?o\.?a\b/g, value: 'no hoa', allowNegated: true },
  { pattern: /\bwater ?front\b|\blake ?front\b|\bon the (lake|water)\b|\bon lake travis\b/g, value: 'waterfront' },
];
