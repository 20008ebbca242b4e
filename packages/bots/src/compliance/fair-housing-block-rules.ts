import type { TextRule } from './text-rule';
import {
  DEMOGRAPHIC_QUANTIFIER as QUANT,
  LIMITATION_TARGET as TARGET,
  PEOPLE,
  PROTECTED_ADJECTIVE as PROTECTED,
  PROTECTED_PLURAL,
  anyOf,
} from './vocabulary';

const PREFERENCE = 'fair_housing.preference';
const DEMOGRAPHICS = 'fair_housing.demographics';
const SEX_NOUN = anyOf(
  'm[ae]n',
  'wom[ae]n',
  'guys?',
  'lad(?:y|ies)',
  'gentlem[ae]n',
  'girls?',
  'boys?',
  'males?',
  'females?',
);
const LEAD_IN = anyOf(
  'perfect',
  'ideal',
  'great',
  'excellent',
  'best',
  'suited',
  'suitable',
  'designed',
  'geared',
  'tailored',
  'reserved',
  'intended',
  'meant',
  'only',
  'a (?:great|good|perfect) (?:fit|match)',
);
const NOT_FIT = anyOf(
  'no',
  'not for',
  'unsuitable for',
  'bad for',
  "(?:isn't|aren't|wouldn't be|would not be|is not|are not|not) (?:really |very |exactly )?(?:suitable|ideal|good|great|appropriate|safe|meant|intended|recommended|a good fit|a fit|right|built|designed) for",
  "(?:isn't|aren't|wouldn't be|would not be|is not|are not|not) (?:really |exactly )?(?:a|an|the) (?:good|great|ideal|suitable|safe|right|best) (?:place|home|fit|choice|option|spot|area|neighbou?rhood|match|building|unit) for",
);
const BAN = anyOf(
  'not (?:allowed|permitted|welcome|accepted|wanted)',
  'prohibited',
  'forbidden',
  'banned',
  'unwelcome',
  'discouraged',
);
const ONLY_PLURAL = anyOf(
  'adults',
  'couples',
  'married couples',
  'singles',
  'm[ae]n',
  'wom[ae]n',
  'males',
  'females',
  'ladies',
  'christians',
  'whites',
  'caucasians',
  'us citizens',
  'citizens',
  'americans',
  'english speakers',
  'straight couples',
  'heterosexual couples',
  'mature (?:adults|persons|people|buyers|tenants|individuals)',
  '(?:people|families|buyers|tenants) without (?:kids|children)',
  'people without disabilities',
);
const ONLY_GROUP = anyOf(
  'single [\\w-]+',
  'adults?',
  'grown[- ]ups?',
  'couples?',
  'married couples?',
  'singles?',
  'm[ae]n',
  'wom[ae]n',
  'males?',
  'females?',
  'ladies',
  'gentlemen',
  'christians?',
  'whites?',
  'caucasians?',
  'citizens?',
  'us citizens?',
  'americans?',
  'english speakers?',
  'straight couples?',
  'heterosexual couples?',
  'mature (?:adults|persons|people|buyers|tenants|individuals)',
  `${PROTECTED} ${PEOPLE}`,
);
const REQUIREMENT = anyOf(
  'married',
  'a married couple',
  'christian',
  'catholic',
  'jewish',
  'muslim',
  'white',
  'american',
  '(?:a )?(?:us |u\\.s\\. )?citizens?',
  'english[- ]speaking',
  'fluent in english',
  'native english speakers?',
  'able[- ]bodied',
  'healthy',
  'in good health',
  'physically (?:fit|able)',
  'without (?:kids|children|disabilities)',
  'no (?:kids|children|disabilities)',
  'able to (?:climb|walk up|use|handle) (?:the )?stairs',
  '(?:a )?(?:man|woman|male|female)',
  'straight',
  'heterosexual',
  'childless',
);

/** Statements of preference or limitation on a protected class: always blocked and escalated. */
export const FAIR_HOUSING_PREFERENCE_RULES: readonly TextRule[] = [
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b${LEAD_IN}(?: (?:area|home|house|place|neighbou?rhood|community|street|spot|condo|unit|one|choice|fit|match|building|apartment|townho(?:me|use)))? (?:for|to) (?:a |an )?(?:(?:young|nice|good|quiet|respectable|hard[- ]working|working|single|married) )*${PROTECTED} (?:[\w-]+ )?${PEOPLE}\b`,
    description:
      'A home described as suited to people of a protected class ("perfect for a Christian family").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b${LEAD_IN}(?: (?:area|home|house|place|neighbou?rhood|community|street|spot|condo|unit|one|choice|fit|match|building|apartment|townho(?:me|use)))? (?:for|to) (?:a |an )?(?:(?:young|single|working|professional|older|retired|married|bachelor) )*${SEX_NOUN}\b`,
    description: 'A home described as suited to one sex ("ideal for a single man").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b${NOT_FIT} (?:a |an |the |people with |anyone with |those with |someone with |young |small |little )?${TARGET}`,
    description: 'A limitation on a protected class ("no kids", "not suitable for wheelchairs").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b(?:${TARGET}|families with (?:kids|children))(?: are| is)? ${BAN}\b`,
    description: 'A protected class declared unwelcome ("children are not allowed").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b(?:${ONLY_GROUP}[- ]only\b|only (?:for |open to |available to |rent(?:ing)? to |sell(?:ing)? to |show(?:ing)? to |lease to |accept(?:ing)? )?${ONLY_PLURAL}\b(?! (?:and|or) (?:up|older)))`,
    description: 'An "X only" restriction on a protected class ("adults only", "Christians only").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b(?:prefers?|preferred|preferring|preference for|would prefer|would rather|wants?|would like|is looking for|are looking for|seeking|favou?rs?|favou?ring|hoping for|only (?:wants?|accepts?|considers?))(?: to (?:sell|rent|lease) to| to show (?:it |the home )?to)? (?:a |an |the )?(?:(?:nice|good|quiet|respectable|hard[- ]working|young|older|married|single|local|traditional) )*(?:${PROTECTED} (?:[\w-]+ )?${PEOPLE}|${PROTECTED_PLURAL}|(?:[\w-]+ )?without (?:kids|children|disabilities)|no (?:kids|children)|(?:married|young|older|childless|single) (?:couples?|people|buyers|tenants|m[ae]n|wom[ae]n|families|persons?))\b`,
    description:
      'A seller, landlord or agent preference for a protected class ("the seller prefers a married couple").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b(?:won't|will not|don't|do not|doesn't|does not|can't|cannot|wouldn't|would not|shouldn't|refuses? to|never|would rather not|prefers? not to|not going to)(?: \w+)? (?:rent|sell|show|lease|work with|deal with|accept offers from|take offers from|consider offers from|want|accept|allow|welcome)(?: (?:it|(?:the|that|this|our|their) (?:home|house|property|unit|condo|place|listing|apartment)|homes|houses|properties))?(?: to)? (?:any |the |a |an )?(?:(?:people|anyone|buyers|tenants|renters|those|families|folks|someone) (?:with|in|using) (?:a |an )?)?(?:[\w-]+(?: \d+)?(?:,| or| and| nor) )?${TARGET}`,
    description:
      'A refusal to deal with a protected class ("we don\'t rent to families with kids").',
  },
  {
    id: PREFERENCE,
    action: 'block',
    escalate: true,
    pattern: String.raw`\b(?:must|should|need to|needs to|have to|has to|required to|requirement is to) (?:be|have|speak|not have|prove|show) ${REQUIREMENT}\b|\b(?:must|need to|needs to|have to|has to|required to) speak (?:fluent |good |only |perfect )?english\b`,
    description:
      'A requirement tied to a protected class ("must be able to climb stairs", "must speak English").',
  },
];

/** Descriptions of an area by who lives there (race, religion, national origin, orientation): blocked. */
export const FAIR_HOUSING_DEMOGRAPHIC_RULES: readonly TextRule[] = [
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:${PROTECTED})(?:[- ]majority|[- ]minority)?(?:, [\w-]+)? (?:famil(?:y|ies)|people|folks|residents|neighbou?rs|households|population|crowd|community|communities|neighbou?rhoods?|enclaves?|parts? of town|sides? of town|areas?(?! rugs?)|suburbs?|majority|demographics?|kids|children|couples|buyers|homeowners|values|presence|culture|vibe)\b(?! cent(?:er|re))`,
    description:
      'People or places described by race, religion or national origin ("white families", "Christian community").',
  },
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b${QUANT} (?:${PROTECTED_PLURAL}\b|(?:hispanic|latino|asian|caucasian|african[- ]american|jewish|muslim|christian|catholic|mormon|immigrant|gay|lgbtq?\+?)\b(?! (?:restaurants?|food|cuisine|markets?|grocer(?:y|ies)|stores?|shops?|art|churches|church|schools?|architecture|style|dishes|colleges?|universit(?:y|ies)|institutions?)))`,
    description: 'A quantified protected group ("mostly Hispanic", "lots of immigrants").',
  },
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:{PLACE}|neighbou?rs|residents|people|population|demographics?|crowd)(?:'s| is| are| was| were| has been| have been| tends? to be| skews?| leans?| feels)(?: (?:still|very|pretty|really|fairly|kind of|kinda))? ${QUANT} (?:white|black|brown|${PROTECTED})\b(?! (?:brick|stone|paint|trim|siding|cabinets?|walls?|tiles?|finish(?:es)?|homes|houses|buildings))|\b(?:it|they)(?:'s| is| are| was| were| has been| have been| tends? to be| skews?| leans?| feels)(?: (?:still|very|pretty|really|fairly|kind of|kinda))? ${QUANT} (?:white|black|brown|${PROTECTED})\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|&)\s+${PROTECTED}|\s+${PEOPLE}\b|\s+(?:here|there|now|these days)\b)`,
    description:
      'A place or its residents described as mostly one race or religion ("the area is mostly white").',
  },
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:majority|minority)[- ](?:${PROTECTED})\b|\b(?:minority|ethnic) (?:neighbou?rhoods?|areas?|communit(?:y|ies)|families|residents|population|enclaves?)\b|\b(?:the )?demographics? (?:here |there |in (?:\w+ ){1,2})?(?:is|are|skews?|leans?|tilts?|tends?|'s|consists?)\b|\bdemographically\b`,
    description:
      'Statements about the demographic make-up of an area ("the demographics skew…", "minority neighborhood").',
  },
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:gay|lgbtq?\+?|queer|straight|trans)[- ](?:friendly|neighbou?rhoods?|areas?|communit(?:y|ies)|enclaves?|part of town|crowd)\b|\b(?:bible[- ]belt|faith[- ]based|religious) (?:neighbou?rhoods?|areas?|communit(?:y|ies)|town|crowd|neighbou?rs|people|folks|families)\b`,
    description:
      'An area characterised by sexual orientation or religion ("gay-friendly area", "religious community").',
  },
  {
    id: DEMOGRAPHICS,
    action: 'block',
    escalate: true,
    suppressWhen: 'disclaimer',
    pattern: String.raw`\b(?:the )?(?:sellers?|owners?|landlords?|neighbou?rs|neighbou?r|residents|hoa board|other buyers?)(?: here| there| next door)? (?:is|are|'s)(?: (?:all|mostly|also|very|devout|a|an))* (?:${PROTECTED})\b(?! (?:brick|stone|paint|trim))|\b(?:church|faith|parish|congregation|mosque|synagogue|temple)[- ](?:community|crowd|families|folks|people)\b(?! cent(?:er|re))`,
    description:
      'The religion, race or orientation of sellers, neighbours or residents ("the seller is Christian").',
  },
];
