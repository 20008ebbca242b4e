import type { TextRule } from './text-rule';
import { FAMILIAL_AUDIENCE as AUDIENCE, INTENSIFIER, anyOf } from './vocabulary';

const SAFETY = 'fair_housing.steering.safety';
const FAMILIAL = 'fair_housing.steering.familial';
const SCHOOLS = 'fair_housing.steering.schools';
const NEIGHBORHOOD = 'fair_housing.steering.neighborhood';

const SAFE_WORD = anyOf(
  'safe',
  'safer',
  'safest',
  'unsafe',
  'dangerous',
  'sketchy',
  'rough',
  'seedy',
  'shady',
  'scary',
  'crime[- ]free',
  'crime[- ]ridden',
  'low[- ]crime',
  'high[- ]crime',
);
const AUDIENCE_ADJECTIVE = anyOf(
  'perfect',
  'ideal',
  'great',
  'excellent',
  'wonderful',
  'good',
  'best',
  'suited',
  'suitable',
  'made',
  'designed',
  'built',
  'geared',
  'tailored',
  'fantastic',
  'awesome',
  'fit',
  'fits',
  'match',
  'meant',
  'intended',
  'appealing',
  'attractive',
);
const AUDIENCE_POPULAR = anyOf('popular', 'a favou?rite', 'a hit', 'loved', 'big');
const AUDIENCE_NOUN = anyOf(
  'home',
  'house',
  'place',
  'condo',
  'layout',
  'floor ?plan',
  'property',
  'neighbou?rhood',
  'area',
  'community',
  'spot',
  'backyard',
  'yard',
  'space',
  'street',
  'townho(?:me|use)',
  'unit',
  'one',
  'choice',
  'option',
  'pick',
  'starter home',
);
const SCHOOL_PRAISE = anyOf(
  'good',
  'great',
  'excellent',
  'top[- ]rated',
  'top[- ]notch',
  'top',
  'highly[- ]rated',
  'high[- ]rated',
  'best',
  'better',
  'amazing',
  'fantastic',
  'outstanding',
  'top[- ]tier',
  'strong',
  'bad',
  'poor',
  'terrible',
  'failing',
  'low[- ]rated',
  'struggling',
  'wonderful',
  'stellar',
);
const SCHOOL_NOUN = String.raw`(?:(?:public|elementary|middle|high|local|area|neighbou?rhood|nearby) )?(?:schools?|school districts?|school system|school zones?|isds?)\b`;

/** Subjective safety claims about an area: the claim is removed and a pointer to official crime data added. */
const SAFETY_RULES: readonly TextRule[] = [
  {
    id: SAFETY,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`(?:(?<=\w), (?=(?:${INTENSIFIER} )?safe\b))?\b(?:${INTENSIFIER} )?(?:safe|safer|low[- ]crime|crime[- ]free|quiet and safe|safe and quiet)(?:,(?= ))?(?= (?:[\w-]+,? )?{PLACE}\b)`,
    rewrite: { mode: 'phrase', with: '' },
    note: 'safety',
    description: 'A place described as safe ("a safe neighborhood") — the adjective is dropped.',
  },
  {
    id: SAFETY,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:{PLACE}|it|there|this|that)(?:'s| is| are| feels?| seems?| has always been| is considered| is known as| is known for being| was| has been| stays?)(?: (?:very|really|super|extremely|quite|pretty|incredibly|relatively|totally|so|generally|considered|one of the|among the|always|still|known as|actually|a (?:little|bit)|kind of|kinda|somewhat|a little bit))* ${SAFE_WORD}\b(?! (?:to say|bet|choice|option|investment|deposit|room|harbou?r|word|and sound|travels))`,
    rewrite: { mode: 'sentence' },
    note: 'safety',
    description:
      'A safety claim about a place ("the area is very safe", "it\'s one of the safest").',
  },
  {
    id: SAFETY,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:safe|safer|safest) (?:to live|to walk|at night|for (?:kids|children|families|walking|raising)|place to (?:live|raise))|\b(?:one of|among) the safest\b|\b(?:you|you'll|you will|you'd|your (?:kids|children|family)|kids|children|families)(?: will| would| can|'ll)? (?:feel|be|stay) (?:very |really |totally |completely |perfectly )?safe\b(?! with)|\b(?:no|zero|little|hardly any|barely any|not much|very little|lots of|a lot of|plenty of|tons of|low|high|minimal) crime\b(?![- ](?:maps?|stats?|statistics|data|reports?|rates? (?:data|maps?)))|\bcrime (?:rates? )?(?:here |there )?(?:is|are|has been|was|'s)(?: (?:very|really|super|extremely|quite|pretty|incredibly|relatively|so|pretty much|basically|almost|practically|virtually))* (?:low|high|non[- ]?existent|minimal|rare|up|down|rising|falling|zero|nil|next to nothing|almost nothing|a problem|an issue|not an issue|not a problem|no problem)\b|\bcrime[- ](?:free|ridden)\b`,
    rewrite: { mode: 'sentence' },
    note: 'safety',
    description:
      'Crime or safety claims ("low crime", "safe to walk at night", "crime is not an issue").',
  },
  {
    id: SAFETY,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:dangerous|unsafe|sketchy|shady|rough|seedy|scary|bad|undesirable|crime[- ]ridden|high[- ]crime|run[- ]?down|ghetto|declining|deteriorating|blighted) {PLACE}\b|\b(?:the )?ghetto\b|\bbarrio\b|\bwrong side of the tracks\b`,
    rewrite: { mode: 'sentence' },
    note: 'safety',
    description: 'An area disparaged ("bad part of town", "rough neighborhood").',
  },
];

/** Homes or areas pitched to a familial-status audience: neutralised to "many buyers" or dropped. */
const AUDIENCE_LIST = String.raw`${AUDIENCE}(?:,? (?:or|and|&) ${AUDIENCE})*`;

const FAMILIAL_RULES: readonly TextRule[] = [
  {
    id: FAMILIAL,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`(?<=\b${AUDIENCE_ADJECTIVE} )(for|to|toward|towards) ${AUDIENCE_LIST}|(?<=\b${AUDIENCE_POPULAR} )(with|among) ${AUDIENCE_LIST}|(?<=\b${AUDIENCE_NOUN} )(for) ${AUDIENCE_LIST}`,
    rewrite: { mode: 'phrase', with: '$1$2$3 many buyers' },
    description:
      'A home pitched to families, couples, singles or an age group ("perfect for families").',
  },
  {
    id: FAMILIAL,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:${INTENSIFIER} )?(?:family|kid|child|children)[- ]?(?:friendly|oriented|centric|focused|cent(?:er|re)d|safe)\b(?= (?:[\w-]+ )?(?:{PLACE}|homes?|house|vibe|atmosphere|feel|environment)\b)|\bfamily (?=(?:neighbou?rhoods?|communit(?:y|ies)|subdivisions?|streets?|suburbs?|towns?|enclaves?)\b)`,
    rewrite: { mode: 'phrase', with: '' },
    description: 'A "family-friendly" or "family neighborhood" descriptor — dropped.',
  },
  {
    id: FAMILIAL,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:family|kid|child|children)[- ]?(?:friendly|oriented|centric|focused|cent(?:er|re)d)\b|\b(?:lots of|a lot of|full of|plenty of|tons of|mostly|mainly|predominantly|largely|a ton of|filled with|packed with|overrun (?:with|by)|dominated by|made up of|home to (?:lots of|many|mostly)|popular among|everyone here is|most (?:of the )?(?:neighbou?rs|residents|people|buyers) (?:here |there )?are) ${AUDIENCE}|\b(?:neighbou?rs|residents|people|folks|buyers|households|everyone) (?:here |there |on (?:the|this) street )?(?:are|is) (?:mostly |mainly |all |largely |predominantly )?${AUDIENCE}|\b${AUDIENCE} (?:really |just |absolutely )?(?:love|adore|flock to|are drawn to|gravitate to(?:ward)?|move to|thrive in|tend to (?:live|buy) in) (?:this|the|that|our) (?:neighbou?rhood|area|community|street|subdivision|town|part of town)\b`,
    rewrite: { mode: 'sentence' },
    description:
      'An area described by its residents\' family status or age ("lots of young families") — the sentence is dropped.',
  },
];

/** Subjective school-quality claims: removed, with a pointer to official ratings. Official data passes. */
const SCHOOL_RULES: readonly TextRule[] = [
  {
    id: SCHOOLS,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`(?<!\bof (?:the )?)\b(?:(?:very|really|super|extremely) )?${SCHOOL_PRAISE}(?:[- ]rated)?(?= ${SCHOOL_NOUN})`,
    rewrite: { mode: 'phrase', with: '' },
    note: 'schools',
    description:
      'Subjective praise of schools ("great schools", "top-rated school district") — the adjective is dropped.',
  },
  {
    id: SCHOOLS,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:one|some|many) of the (?:(?:very|really) )?${SCHOOL_PRAISE}(?: [\w-]+)? ${SCHOOL_NOUN}|\b(?:schools?|school districts?|isd|school system)(?: here| there| nearby| around here| in (?:the |this )?(?:area|neighbou?rhood))? (?:is|are|'s)(?: (?:very|really|super|extremely|pretty|so|among the|one of the|some of the|consistently))* ${SCHOOL_PRAISE}\b`,
    rewrite: { mode: 'sentence' },
    note: 'schools',
    description: 'A quality claim about schools ("the schools are great").',
  },
];

/** Coded neighbourhood descriptors ("exclusive", "up-and-coming", "diverse"): the word is dropped. */
const NEIGHBORHOOD_RULES: readonly TextRule[] = [
  {
    id: NEIGHBORHOOD,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:${INTENSIFIER} )?(?:exclusive|elite|(?<![-\w])(?<!deed )restricted|up[- ]and[- ]coming|transitional|changing|gentrifying|gentrified|integrated|diverse|multi[- ]?cultural|homogeneous|homogenous)(?= (?:[\w-]+ )?{PLACE}\b)`,
    rewrite: { mode: 'phrase', with: '' },
    description: 'Coded descriptors of a place ("exclusive community", "up-and-coming area").',
  },
  {
    id: NEIGHBORHOOD,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:{PLACE}|it)(?:'s| is| are| feels| seems| has become| is becoming)(?: (?:very|really|super|extremely|quite|pretty|incredibly|so|still|becoming|getting|more|increasingly|much more))* (?:exclusive|elite|up[- ]and[- ]coming|transitional|gentrifying|gentrified|integrated|diverse|multi[- ]?cultural|homogeneous)\b`,
    rewrite: { mode: 'sentence' },
    description:
      'A place described as exclusive, changing or diverse ("the area is up-and-coming").',
  },
];

/** Steering adjectives joined to a fact by "and" ("Hutto is up-and-coming and still affordable"): the adjective is dropped. */
const CONJOINED_RULES: readonly TextRule[] = [
  {
    id: NEIGHBORHOOD,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`(?<=\b(?:is|are|'s|feels|seems|has become|is becoming) )(?:${INTENSIFIER} )?(?:up[- ]and[- ]coming|exclusive|elite|diverse|gentrifying|gentrified|integrated) (?:and|but|yet) (?=[\w$])(?!(?:[\w-]+ ){0,2}(?:is|are|was|were|has|have|will|can)\b)`,
    rewrite: { mode: 'phrase', with: '' },
    description: 'A coded descriptor joined to a fact ("is up-and-coming and affordable").',
  },
  {
    id: SAFETY,
    action: 'rewrite',
    suppressWhen: 'disclaimer',
    pattern: String.raw`(?<=\b(?:is|are|'s|feels|seems) )(?:${INTENSIFIER} )?(?:safe|quiet and safe|safe and quiet) (?:and|but|yet) (?=[\w$])(?!(?:[\w-]+ ){0,2}(?:is|are|was|were|has|have|will|can)\b)`,
    rewrite: { mode: 'phrase', with: '' },
    note: 'safety',
    description: 'A safety claim joined to a fact ("is very safe and close to the lake").',
  },
];

/** Fair-housing steering rules: every one rewrites to neutral wording (or drops the sentence). */
export const FAIR_HOUSING_STEERING_RULES: readonly TextRule[] = [
  ...SAFETY_RULES,
  ...FAMILIAL_RULES,
  ...SCHOOL_RULES,
  ...NEIGHBORHOOD_RULES,
  ...CONJOINED_RULES,
];
