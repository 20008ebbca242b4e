import type { TextRule } from './text-rule';
import { anyOf } from './vocabulary';

const LOAN = anyOf(
  'FHA',
  'VA',
  'USDA',
  'conventional',
  'jumbo',
  'ARM',
  'adjustable[- ]rate',
  'fixed[- ]rate',
  'interest[- ]only',
  '15[- ]year',
  '30[- ]year',
  'reverse',
  'bridge',
  'HELOC',
  'home equity',
  'hard[- ]money',
  'portfolio',
  'bank[- ]statement',
  'DSCR',
  'no[- ]doc',
  'seller[- ]financed',
  '2-1 buydown',
  'buydown',
);
const CERTAINTY = anyOf(
  'definitely',
  'easily',
  'certainly',
  'surely',
  'absolutely',
  'totally',
  '100%',
  'for sure',
  'no doubt',
  'without a doubt',
  'guaranteed to',
);
const APPROVAL = anyOf(
  'qualify',
  'be approved',
  'get approved',
  'be pre[- ]?approved',
  'get pre[- ]?approved',
  'get the loan',
  'get a loan',
  'get (?:a |the )?mortgage',
  'get financing',
  'get financed',
  'be able to get (?:a |the )?(?:loan|mortgage|financing)',
);

/** Lending advice beyond facts ("you should get an FHA loan", "you'll qualify"): replaced by a lender referral. */
const LENDING_RULES: readonly TextRule[] = [
  {
    id: 'advice.lending',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'lending',
    pattern: String.raw`\byou(?:'d| would)? (?:should|need to|ought to|have to|must|'d better|had better|want to|'ll want to|will want to|definitely want to)(?: (?:definitely|really|probably|just|absolutely))? (?:get|go with|apply for|use|take out|take|choose|pick|consider|look into|opt for|do|lock in) (?:an? |the )?${LOAN}\b|\b(?:an? |the )?${LOAN} (?:loans?|mortgages?|options?|programs?)? ?(?:is|are|would be|will be|'s) (?:definitely |probably |clearly |by far )?(?:your best|the best|best|better|the right|right|perfect|ideal|the way to go|a no[- ]brainer|the smartest|smarter|cheaper for you|best for you)\b|\bthe best (?:loan|mortgage|option|program) for you (?:is|would be|will be)\b`,
    description: 'Recommending a loan product ("you should get an FHA loan").',
  },
  {
    id: 'advice.lending',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'lending',
    pattern: String.raw`\byou(?:'ll| will|'d| would|'re going to| are going to|'re gonna)(?: ${CERTAINTY}| probably| likely| have no (?:problem|trouble)| won't have (?:any )?(?:problem|trouble))? ${APPROVAL}\b|\byou ${CERTAINTY} ${APPROVAL}\b|\byou(?:'ll| will)? (?:have no (?:problem|trouble)|won't have (?:any )?(?:problem|trouble)|not have (?:any )?(?:problem|trouble)) (?:qualifying|getting (?:approved|pre[- ]?approved|a loan|a mortgage|financing))\b|\byou(?:'re| are) ${CERTAINTY} (?:pre[- ]?)?(?:qualified|approved|eligible)\b|\bno (?:problem|issue) (?:qualifying|getting (?:approved|a loan|a mortgage))\b`,
    description: 'Promising loan approval ("you\'ll qualify", "you will definitely be approved").',
  },
  {
    id: 'advice.lending',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'lending',
    pattern: String.raw`(?<!(?:what|how much|whether|if|sure) )\byou(?:'ll| will| can| could|'d| would)(?: ${CERTAINTY}| comfortably)? (?:be able to )?afford\b|\byour (?:credit|credit score|score|dti|debt[- ]to[- ]income(?: ratio)?|income) (?:is|'s|will be|should be) (?:totally |definitely |more than )?(?:fine|good enough|high enough|enough|ok|okay|not a problem|no problem)\b|\b(?:your credit|your score|your debt|the bankruptcy|your bankruptcy|your student loans) (?:won't|will not|shouldn't|should not|doesn't|does not) (?:be a problem|matter|be an issue|hurt you|affect (?:you|your approval))\b|\byou (?:should|need to|ought to) (?:put|make) (?:down )?(?:\d+ ?%|less|more|a smaller|a bigger|the minimum)\b|\byou (?:don't|do not|won't|will not) need (?:a |any |to put (?:any )?(?:money )?)?(?:down payment|money down|\d+ ?% down|pmi|mortgage insurance)\b`,
    description:
      'Affordability or credit assurances ("you can easily afford it", "your credit won\'t be a problem").',
  },
  {
    id: 'advice.lending',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'lending',
    pattern: String.raw`\b(?:interest |mortgage )?rates (?:will|are going to|are about to|are gonna|should|are sure to)(?: (?:definitely|probably|certainly|likely))? (?:drop|go down|fall|come down|rise|go up|climb|increase|decrease|keep rising|keep falling|keep going up)\b|\b(?:you should|you'd better|you need to|now's the time to|now is the time to) (?:lock|lock in|refinance|refi)\b`,
    description: 'Interest-rate predictions or rate-lock advice ("rates will drop next month").',
  },
];

/** Tax advice ("this is tax-deductible for you"): replaced by a tax-professional referral. */
const TAX_RULES: readonly TextRule[] = [
  {
    id: 'advice.tax',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'tax',
    pattern: String.raw`\b(?:is|are|will be|would be|it's|that's|they're|all|100%) (?:fully |completely |totally |100% |100 percent |definitely |all |still )?tax[- ]deductible\b|\byou(?:'ll| will)? (?:can|could|get to|'ll be able to|will be able to|should|will|'ll)(?: also| easily| fully| definitely)? (?:deduct|write (?:it |that |this |them |the \w+ )?off|depreciate|claim (?:it|that|this|the (?:interest|taxes|property taxes|loss)) (?:on|as))\b|\b(?:it's|it is|this is|that's|that is|you(?:'ll)? get|you will get) (?:a |an )?(?:great |nice |huge |big |good )?tax (?:write[- ]off|break|shelter|benefit|advantage|savings)\b|\byou(?:'ll| will)? (?:won't|will not|don't|do not|never) (?:have to )?pay (?:any |a dime (?:in|of) )?(?:capital gains|taxes|tax|property taxes?|transfer tax)\b|\byou(?:'ll| will| can)? (?:avoid|dodge|skip|escape) (?:paying )?(?:any )?(?:capital gains|(?:the )?taxes|(?:the )?tax)\b|\bno capital gains (?:tax )?(?:for you|on (?:this|your|the) (?:sale|home|house))\b|\byou (?:should|can|could|need to) (?:do|use) a 1031\b`,
    description: 'Telling the lead what is deductible or taxable for them.',
  },
];

/** Legal advice ("you don't need a lawyer", "the contract is not binding"): replaced by an attorney referral. */
const LEGAL_RULES: readonly TextRule[] = [
  {
    id: 'advice.legal',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'legal',
    pattern: String.raw`\byou (?:don't|do not|won't|will not|shouldn't|should not)(?: really| even)? (?:need|have to|want to)(?: to)?(?: (?:get|hire|use|pay for|have|talk to|consult|bother with))? (?:a |an |any )?(?:lawyer|attorney|legal (?:advice|counsel|review|help)|real estate attorney|inspection|home inspection|inspector|survey|title insurance|appraisal|title search|option period|contingenc(?:y|ies))\b|\b(?:this|that|the|your) (?:contract|agreement|clause|addendum|lease|document|deed|paperwork|form) (?:is|'s) (?:totally |perfectly |completely |100% )?(?:legal|legally binding|not (?:legally )?binding|non[- ]?binding|unenforceable|enforceable|void|invalid|fine to sign|safe to sign)\b|\b(?:don't|do not|no need to|never|you don't need to) (?:bother (?:with|getting|hiring)|waste (?:money|your money|time) on|pay for) (?:an? |the |any )?(?:attorney|lawyer|inspection|inspector|appraisal|survey|title insurance|home warranty)\b|\byou (?:can|could) (?:easily |just |simply |legally )?(?:break|void|get out of|walk away from|back out of|terminate) (?:the |your |this )?(?:contract|lease|agreement)\b(?! (?:during|within|before the end of) the option period)`,
    description:
      'Telling the lead they need no lawyer or inspection, or what a contract means for them.',
  },
  {
    id: 'advice.legal',
    action: 'rewrite',
    suppressWhen: 'referral',
    rewrite: { mode: 'sentence' },
    note: 'legal',
    pattern: String.raw`\byou (?:should|could|can|have grounds to) (?:sue|take (?:them|him|her|the \w+) to court|file a (?:lawsuit|claim))\b|\byou(?:'ve| have)(?: got)? a (?:strong |good |solid )?(?:legal )?(?:case|claim|lawsuit)\b|\b(?:they|the seller|the buyer|you) (?:can't|cannot|won't|will not) (?:sue|be sued|get sued)\b|\blegally(?:,| speaking,?)? (?:you|they|the seller|the buyer|the landlord) (?:can|can't|cannot|must|have to|don't have to|do not have to|are required to|aren't required to)\b|\b(?:you|sellers?) (?:don't|do not|doesn't|does not) (?:have|need) to disclose\b|\bno need to disclose\b|\b(?:you|sellers?) (?:don't|do not|won't|will not|shouldn't) (?:need to |have to )?worry about (?:the )?(?:probate|title|liens?|permits?|zoning|the contract|disclosures?|code violations?)\b|\byou (?:should|can|could) (?:just |safely )?(?:waive|skip|forgo) (?:the |your |an? )?(?:home )?(?:inspection|appraisal|survey|option period|financing contingency|contingenc(?:y|ies))\b`,
    description:
      'Litigation, disclosure or waiver advice ("you should sue", "you don\'t have to disclose that").',
  },
];

/** Guarantees about prices or returns ("guaranteed to appreciate"): replaced by a neutral statement. */
const FINANCIAL_RULES: readonly TextRule[] = [
  {
    id: 'advice.financial',
    action: 'rewrite',
    rewrite: { mode: 'sentence' },
    note: 'financial',
    pattern: String.raw`\b(?:guaranteed|sure|certain|bound|destined) to (?:appreciate|go up|rise|increase|gain value|grow in value|double|make (?:you )?money|pay off)\b|\b(?:will|'ll|is going to|are going to|are gonna|is gonna)(?: (?:definitely|certainly|only|always))? (?:appreciate|go up in value|increase in value|gain value|double in value|keep going up|only go up|keep rising|keep climbing)\b|\b(?:home |house |property )?(?:values|prices) (?:here |in \w+ )?(?:will|are going to|are gonna|can only|always)(?: (?:definitely|only|keep|continue to|always|certainly))? (?:go up|rise|climb|increase|appreciate|drop|fall|crash|go down)\b|\b(?:you )?(?:can't|cannot|won't|will never) lose (?:money|value)\b|\b(?:guaranteed|risk[- ]free|no[- ]risk|can't[- ]lose|sure[- ]fire|safe|sure) (?:investment|return|profit|money)\b|\bguaranteed (?:return|profit|appreciation|roi|equity)\b|\byou(?:'ll| will)? (?:make|earn) (?:a killing|a fortune|a ton of money|tons of money|a lot of money|bank)\b`,
    description:
      'Guarantees or predictions about values and returns ("prices will keep going up").',
  },
];

/** Legal, tax, lending and financial advice rules: all rewrite the sentence into a professional referral. */
export const ADVICE_RULES: readonly TextRule[] = [
  ...LENDING_RULES,
  ...TAX_RULES,
  ...LEGAL_RULES,
  ...FINANCIAL_RULES,
];
