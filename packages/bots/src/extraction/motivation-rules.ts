import type { PhraseRule } from './phrase-rules';

/**
 * Every motivation the extractor reports, in the order the rules prefer them when a message gives several reasons
 * (`financial_distress` first, `other` last).
 */
export const LEAD_MOTIVATIONS = [
  'financial_distress',
  'divorce',
  'inheritance',
  'relocation',
  'downsizing',
  'upsizing',
  'first_home',
  'investment',
  'other',
] as const;

/** Why a lead is moving, as the extractor reports it. */
export type LeadMotivation = (typeof LEAD_MOTIVATIONS)[number];

/** Motivation phrases over normalised text. */
export const MOTIVATION_RULES: readonly PhraseRule<LeadMotivation>[] = [
  { pattern: /\bbehind ([a-z0-9]+ ){0,2}on (my |our |the )?(payments?|mortgage|house payments?)\b|\bforeclos\w*\b|\b(can'?t|cannot|cant) (afford|keep up with (the |my |our )?(payments?|mortgage|bills)|make (the|my|our) payments)\b|\blost (my|our|his|her) jobs?\b|\bbankrupt\w*\b|\bshort sale\b|\bfinancial (trouble|hardship|issues)\b|\bmissed (a |some )?payments\b/g, value: 'financial_distress', allowNegated: true },
  { pattern: /\bdivorc\w*\b|\bseparat(ed|ing|ion)\b|\bsplitting up\b/g, value: 'divorce' },
  { pattern: /\binherit\w*\b|\bpassed( away)?\b|\b(grandmas?|grandma'?s|grandpas?|grandpa'?s|grandparents'?|grandmother'?s|grandfather'?s) (house|home|place|property)\b|\blate (father|mother|dad|mom|husband|wife|grandfather|grandmother|grandpa|grandma|parents|uncle|aunt)\b|\bestate (sale|of)\b|\bprobate\b|\bleft (us|me|my \w+) (his|her|their) (house|home|place)\b/g, value: 'inheritance' },
  { pattern: /\brelocat\w*\b|\bjob transfer\b|\btransferr?(ed|ing)\b|\bnew job\b|\b(moving|move|coming) (down |up |over |out )?(to|from|back to|back) (austin|texas|the area|here|town|[a-z]+ for work)\b|\bmoving (down |up |over |out )?from\b|\baccepted (a |an )?(new )?(job|position|offer)\b|\bnew position\b|\bmoving from\b|\b(moving|move) for (work|my job|a job|his job|her job)\b|\bgot a job (offer )?(at|in)\b|\bjob (offer )?(in|at) (austin|texas|the area|town)\b|\bout of state\b|\b(job|work|company|employer|army|military|navy) is (moving|relocating|transferring|sending) (me|us|him|her)\b|\bpcs\w*\b/g, value: 'relocation' },
  { pattern: /\bdownsiz\w*\b|\bempty nest\w*\b|\bsomething (smaller|cheaper)\b|\bsmaller (place|home|house|one)\b|\bkids (are gone|moved out|left|are grown)\b|\btoo (big|much house)\b|\btoo much (to maintain|to take care of|upkeep|work)\b/g, value: 'downsizing' },
  { pattern: /\b(bigger|larger) (place|home|house|one|space)\b|\bmore (space|room)\b|\boutgr[eo]w\w*\b|\bgrowing family\b|\bfamily('?s| is) growing\b|\bgrowing (our|the) family\b|\bbaby\b|\btrad(e|ing) up\b|\bmove up\b|\bupsiz\w*\b/g, value: 'upsizing' },
  { pattern: /\bfirst (time )?(home|house|place)\b|\bfirst time (buyers?|home ?buyers?)\b|\btired of renting\b|\bstop renting\b|\bnever owned\b|\bown finally\b|\bstarter home\b|\bfirst time\b(?! (sell|selling|seller|listing|landlord|investor))/g, value: 'first_home' },
  { pattern: /\binvest(or|ors|ment|ing)\b|\brentals?\b|\brent (it )?out\b|\brent (the other|one side|out the other|half|the other side|the other half)\b|\bhouse hack\w*\b|\bflip\w*\b|\bcash ?flow\b|\bairbnb\b|\btenants?\b|\blandlord\b/g, value: 'investment' },
  { pattern: /\bretir\w*\b|\bcloser to (my |our |the )?([a-z]+'s )?(family|parents|grandkids|kids|work|job|office|mom|dad|school|church)\b|\bshorter commute\b|\bcommute\b/g, value: 'other' },
];
