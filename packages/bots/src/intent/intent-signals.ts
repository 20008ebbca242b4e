/** A class a signal votes for; `both` signals mark sell-and-buy plans (trade up, contingent, home to sell). */
export type SignalTarget = 'buyer' | 'seller' | 'browsing' | 'both';

/** One weighted intent signal over normalised text. */
export interface IntentSignal {
  /** Stable id reported in `signals` (e.g. `seller:worth-question`). */
  id: string;
  /** Class the signal votes for. */
  target: SignalTarget;
  /** Vote weight; 3 is one clear statement of intent. */
  weight: number;
  /** Global pattern over normalised text. */
  pattern: RegExp;
  /** A negation just before the hit (`not looking to sell`) turns the vote into a not-ready-yet (browsing) vote. */
  negatable?: boolean;
  /** Leave the matched text visible to later signals (default: masked). */
  transparent?: boolean;
  /** Count at most one hit (weak context signals). */
  once?: boolean;
  /** Context evidence: helps a class over the unknown floor but never makes a message `both` on its own. */
  weak?: boolean;
}

const HOME = String.raw`(?:home|house|place|property|condo|townhouse|townhome|crib|land|duplex|lot)`;

/**
 * The signal table, most specific first: a hit masks its text, so later, broader signals never see it (`sellers
 * market` is a browsing question, not a seller; `do you buy houses?` is a seller, not a buyer).
 */
export const INTENT_SIGNALS: readonly IntentSignal[] = [
  // phrases that contain buy/sell words but mean something else
  { id: 'seller:market-for-selling', target: 'seller', weight: 3, pattern: /\bmarket for (selling|sellers|listing)\b/g },
  { id: 'buyer:listing-question', target: 'buyer', weight: 3, pattern: /\b(is|are) (it|that|this|the \w+|they|\d+ [a-z]+( [a-z]+)?) still (for sale|available|on the market|listed)\b|\bstill for sale\b|\b(hoa|price|asking price|taxes|square footage|sq ?ft|school district|lot size|year built) (on|for|of) (the|that|this) (house|home|townhome|townhouse|condo|listing|one|property|place)\b|\bin the market for\b/g },
  { id: 'buyer:listing-link', target: 'buyer', weight: 2.5, pattern: /\b(zillow|redfin|realtor|trulia|homes)\.com\/(homedetails|home|realestateandhomes-detail|property|[a-z]{2}\/)/g },
  { id: 'browsing:spanish', target: 'browsing', weight: 3, pattern: /\bsolo (estoy )?(mirando|viendo|curiosidad)\b|\btodavia no\b/g },
  { id: 'seller:spanish', target: 'seller', weight: 3.5, pattern: /\b(vender|vendo|vendiendo)\b|\bcuanto vale (mi|nuestra) (casa|propiedad)\b/g },
  { id: 'buyer:spanish', target: 'buyer', weight: 3, pattern: /\b(comprar|compro|comprando)\b|\bbusc(o|ando|amos) (una )?(casa|hogar|propiedad|apartamento|condominio)\b/g },
  { id: 'browsing:market-side', target: 'browsing', weight: 3, pattern: /\b(buyers?|sellers?)'?s?( or (a )?(buyers?|sellers?)'?s?)? market\b/g },
  { id: 'browsing:not-planning', target: 'browsing', weight: 4, pattern: /\bnot (looking|planning|trying|going|ready|interested|in a position|wanting|thinking)( to| in| of| about)? (buy|sell|purchas|list|mov)\w*( or (buy|sell)\w*)?\b/g },
  { id: 'browsing:not-yet', target: 'browsing', weight: 4, pattern: /\bnot (buying|selling|moving|listing) (yet|until|till|anytime|for now|for a while|right now|now|this year|though|tho)\b/g },
  { id: 'seller:homes-on-my-street', target: 'seller', weight: 4, pattern: /\b(homes?|houses?|properties)( \w+)? (in|on|around) (my|our) (neighborhood|street|area|subdivision|block|hood)\b/g },
  { id: 'seller:someone-buys', target: 'seller', weight: 4, pattern: /\b(do|would|will|can) (you|anyone|someone|u|y'?all) (buy|purchase) (houses|homes|my|our|it|as is|properties)\b|\bwill anyone buy\b|\bwe buy houses\b|\bcash offer (for|on) (my|our)\b/g },
  { id: 'seller:cant-afford', target: 'seller', weight: 3, pattern: /\b(can'?t|cannot|cant) (afford|keep up with|make) (the |my |our )?(payments?|mortgage)\b/g },
  { id: 'seller:worth', target: 'seller', weight: 4, pattern: new RegExp(String.raw`\b(what('?s| is| are)|how much('?s| is)?) (my|our|the|this) ${HOME}s?( \w+)? worth\b|\b(my|our) ${HOME}'?s? (is )?worth\b|\bvalue of (my|our|the) ${HOME}\b|\b(my|our) ${HOME}'?s? value\b`, 'g') },
  { id: 'seller:proceeds-for-mine', target: 'seller', weight: 3.5, pattern: /\b(ask|asking|charge) for (my|our|it)\b|\bget for (my|our) (house|home|place|condo|townhouse|townhome|property|\d ?(bed|br|bd)\w*)\b|\bget rid of (it|the (house|home|place|property|condo))\b|\bget out (of|from under) (my|our) (house|home|place|mortgage|condo|property)\b|\bprice (my|our) (home|house|place|condo|property)\b|\b(put|putting) (it|my \w+|our \w+|the \w+) up for sale\b|\b(my|our) (house|home|place|condo|property) (is )?(up )?for sale\b|\boffers on (my|our)\b|\bowner of\b|\b(i|we) (can|could|would|might|will) (realistically |actually |possibly |probably )?get for (my|our|it|the)\b|\bget \$?\d[\w.,]* for (my|our|it)\b|\bget rid of (my|our)\b|\bmarket (my|our) (home|house|place|property)\b|\b(look at|see|walk through|tour|come see|come look at) (my|our) (house|home|place|property|condo)\b/g },
  { id: 'seller:my-home-sells-for', target: 'seller', weight: 4, pattern: new RegExp(String.raw`\b(my|our|the) ${HOME}s? (would|will|could|might|can)? ?(sell|go|list) for\b|\b(it|mine) (would|will|could|might) (sell|go|list) for\b`, 'g') },
  { id: 'seller:agent-visit', target: 'seller', weight: 3.5, pattern: /\bcome (by |over |out )?(to )?(see|look at|view|tour|walk through) (the|my|our) (house|home|place|property|condo)\b|\b(an |a )?offers? (from (an? )?[a-z]+ )?(on|for) (my|our) (house|home|place|property|condo)\b/g },
  { id: 'browsing:just', target: 'browsing', weight: 4, pattern: /\bjust (curious|looking|browsing|checking|researching|wondering|exploring|window shopping|here for|want(ed)? to (know|see|keep)|keeping|nosy|daydreaming|like (the|following|seeing)|signed up)\b/g },
  { id: 'browsing:someday', target: 'browsing', weight: 3, pattern: /\bnot (quite |really |totally )?ready\b|\bnot right now\b|\bnot looking\b|\bnot (yet|now)\b|\bnot at the moment\b|\bmaybe (later|someday|one day|in|next|down the line)\b|\bkeeping tabs\b|\b(watching|following|tracking) the market\b|\bhappy renting\b|\bsomeday\b|\bone day\b|\bdown the road\b|\bin the future\b/g },
  { id: 'browsing:no-rush', target: 'browsing', weight: 1.5, pattern: /\bno rush\b|\bno hurry\b/g },
  { id: 'browsing:settled', target: 'browsing', weight: 4, pattern: /\bwindow shopping\b|\b(plan|planning|going) to stay\b|\bstay(ing)? here\b|\b\d+ more years\b|\bplanning ahead\b|\bnot (any ?time )?soon\b|\bhappy (in|with) (our|my) (home|house|place)\b|\b(years?|a ways?|a while) (away|out) from (buying|selling|moving)\b|\bnot sure (if|whether)\b|\bkeep renting\b|\bkeeping (my|our) options open\b|\bstaying put\b|\bno plans\b|\bnot in the market\b|\bnosy\b|\bdaydreaming\b|\bhappy where (we|i) (are|am)\b|\bjust bought\b|\bneither\b|\bnot sure yet\b/g },
  { id: 'browsing:market-question', target: 'browsing', weight: 3, pattern: /\bhow('s| is| are)( the)? (austin |local |housing |real estate )?market\b|\bmarket (update|report|trend|condition|stat|data|news)s?\b|\bnewsletter\b|\bcrash\w*\b|\b(median|average|avg) (home |house |sale |sales )?prices?\b|\bprices? (going|gone|trending|headed) (up|down)\b|\b(home|house) prices\b|\bproperty tax(es)?\b|\bup and coming\b|\bhow many (homes|houses) (sold|are selling|sell)\b/g },
  { id: 'browsing:going-rate', target: 'browsing', weight: 3, pattern: /\b(homes?|houses?|properties|condos|prices)( \w+)? (are |have been )?(selling|going|sell|go) for\b|\b(home|house|property) values?\b/g },
  { id: 'browsing:prices', target: 'browsing', weight: 2, pattern: /\bprices\b|\bforecast\b|\bpredictions?\b|\bappreciat\w*\b|\bnot interested\b|\b(we'?re|i'?m) good for now\b|\ball set for now\b/g },
  { id: 'browsing:rates', target: 'browsing', weight: 2, pattern: /\b(interest|mortgage) rates?\b/g },
  { id: 'browsing:curious', target: 'browsing', weight: 2, pattern: /\b(curious|wondering|researching|exploring)\b/g },
  { id: 'browsing:inventory', target: 'browsing', weight: 2, pattern: /\binventory\b/g },
  { id: 'browsing:years-away', target: 'browsing', weight: 2, pattern: /\b(few|couple( of)?|[2-9]|two|three|four|five) years\b/g },
  { id: 'browsing:saving', target: 'browsing', weight: 1, pattern: /\bstill saving\b|\bsaving up\b/g },
  // seller
  // both (transparent: the sell and buy words still count for their own sides)
  { id: 'both:both', target: 'both', transparent: true, weight: 4, pattern: /\bboth\b(?! (of|my|me|our|us|kids|children|parents|work|are|want))/g },
  { id: 'both:sell-and-buy-plan', target: 'both', transparent: true, weight: 4, pattern: /\btrad(e|ing) (up|down|in)\b|\b(buy|sell|selling|buying) (1st|first)\b|\bcontingent\b|\b(home|house|place|condo) to sell\b|\bsell (ours|mine|it) (to|and|then|before)\b|\bbefore (our|my) (current )?(one|house|home|place|condo) (sells|is sold)\b|\bbefore selling\b|\bafter selling\b|\bsell[^.?!]{0,30}\bfirst\b|\b(sell|selling) and (buy|buying|purchas\w*)\b|\b(buy|buying) and (sell|selling)\b/g },
  { id: 'both:move-up-or-down', target: 'both', transparent: true, weight: 2.5, pattern: /\b(move|moving) up\b|\bupgrad(e|ing)\b|\bdownsiz\w* (to|into)\b/g },
  { id: 'seller:valuation', target: 'seller', transparent: true, weight: 3.5, pattern: /\b(valuations?|evaluations?|appraisals?|apprais\w*|cmas?|market analysis|zestimate|zillow estimate|value report|value estimate|estimate on (my|our)|net sheet|equity|comps|comparables)\b|\bworth\b(?! it)/g },
  { id: 'browsing:days-on-market', target: 'browsing', weight: 3, pattern: /\b(homes|houses|properties|listings|things) (are )?(staying|sitting|sit|stay|last|lasting) on the market\b|\bdays on (the )?market\b/g },
  { id: 'seller:list', target: 'seller', weight: 3.5, pattern: new RegExp(String.raw`\blist(ing)? (my|our|the|it|this)( ${HOME})?\b|\b(get|getting) (it|my \w+|our \w+|the \w+) listed\b|\bput(ting)? (my|our|the|it)( ${HOME})? on the market\b|\bon the market\b|\bready to list\b|\b(thinking|thought) (of|about) listing\b|\b(want|plan|planning|going|hoping|like) to list\b|\bto list\b|\blisted with\b|\bbefore listing\b|\blisting (agreement|agent)\b`, 'g') },
  { id: 'seller:proceeds', target: 'seller', weight: 3.5, pattern: /\b(how much|what) (can|could|would|will|might) (i|we) get for\b|\bwhat (would|will|could) (it|my|our|i|we)\b[^.?!]{0,40}\b(sell|list|go) for\b|\b(it'?d|it would|would it) sell for\b|\b(net|walk away with)\b|\bsale of (my|our)\b|\bstaging\b|\bcommission\b|\bfsbo\b|\bfor sale by owner\b|\boffload\b|\bunload (my|our)\b|\bcash(ing)? out\b|\bestate sale\b/g },
  { id: 'seller:sell-verb', target: 'seller', weight: 3, negatable: true, pattern: /\b(sell|selling)\b|(?<!\bfor )\bsale\b/g },
  { id: 'seller:sold', target: 'seller', weight: 2, negatable: true, pattern: /\bsold\b/g },
  { id: 'seller:seller-noun', target: 'seller', weight: 3, pattern: /\bsellers?\b/g },
  { id: 'seller:owner', target: 'seller', weight: 2, pattern: new RegExp(String.raw`\b(i|we) (own|have) (a|an|my|our|the)( \w+)? ${HOME}\b`, 'g') },
  { id: 'seller:distress', target: 'seller', weight: 2, pattern: /\binherited\b|\bbehind on (my |our |the )?(payments|mortgage)\b|\bforeclos\w*\b|\btenants are moving out\b/g },
  { id: 'seller:possessive-home', target: 'seller', weight: 1, weak: true, pattern: new RegExp(String.raw`\b(my|our|moms|mom's|dads|dad's|grandpa's|grandma's) ${HOME}\b`, 'g') },
  // buyer
  { id: 'buyer:buyer-noun', target: 'buyer', weight: 3, pattern: /\b(i'?m|im|i am|we'?re|we are|as) (a |an )?([a-z]+ )?buyers?\b|\b(first time|cash|va|fha|home) (home ?)?buyers?\b|\bbuyers? here\b/g },
  { id: 'buyer:buy-verb', target: 'buyer', weight: 3, negatable: true, pattern: /\b(buy|buying|purchase|purchasing)\b/g },
  { id: 'buyer:search', target: 'buyer', weight: 3, pattern: /\bhouse ?hunting\b|\b(home|house) ?search\w*\b|\bhunting for\b|\bsearching for\b|\bshopping for\b|\b(house|home|condo) shopping\b|\bgo in on (a|an)\b/g },
  { id: 'buyer:looking-for-home', target: 'buyer', weight: 3, pattern: /\blook(ing)? (for|at) (a |an |some |the )?([a-z]+ ){0,3}(homes?|houses?|places?|condos?|townhomes?|townhouses?|propert(y|ies)|land|lot|duplex|rentals?|listings?|\d ?(bed|br|bd)\w*|\d\/\d|something|anything)\b/g },
  { id: 'buyer:in-market', target: 'buyer', weight: 2.5, pattern: /\b(we'?re|i'?m|we are|i am) in the market\b|\bget for \$?\d/g },
  { id: 'buyer:looking-in', target: 'buyer', weight: 2, pattern: /\blooking (in|around|near)\b|\bstart looking\b/g },
  { id: 'buyer:want-a-home', target: 'buyer', weight: 3, pattern: new RegExp(String.raw`\b(find|finding|get|getting|need|want)( me)? (a |an |my |our |the |some )?(new |bigger |smaller |larger |first |starter |forever |dream |vacation |little |lil |nice |nicer |cheaper )?(${HOME}|something (nicer|bigger|smaller|cheaper|else))\b(?! (valuation|value|appraisal|estimate|inspection|warranty|equity))|\b(a|the) (bigger|smaller|new|larger|nicer) (one|place|home|house)\b|\bmove to a (bigger|smaller|new|larger)\b`, 'g') },
  { id: 'buyer:moving-here', target: 'buyer', weight: 2.5, pattern: /\b(move|moving|relocating|relocate|coming) (to|back to) (austin|texas|the area|here|town|the austin area)\b/g },
  { id: 'buyer:showing', target: 'buyer', weight: 3, pattern: /\bshowings?\b|\btour(ing|s)?\b|\bopen houses?\b|\bsee (the|that|this|these|those|it|some|a few|a couple( of)?|any)( [a-z0-9]+){0,3} (houses?|homes?|places?|listings?|propert(y|ies)|ones?|condos?|townhomes?)\b|\bsee it\b|\bsee \d+\b|\bsee (homes|houses|listings|properties|condos)\b|\bschedule a (time|visit)\b|\bwalk ?through\b|\bgo see\b|\bview (the|it)\b/g },
  { id: 'buyer:offer', target: 'buyer', weight: 3, pattern: /\b(make|put in|submit|write) (an |a )?offers?\b|\boffer on\b|\bcash offer\b/g },
  { id: 'buyer:cash', target: 'buyer', weight: 2.5, pattern: /\b(paying|pay|all|in) cash\b|\bcash buyer\b(?!s)/g },
  { id: 'buyer:financing', target: 'buyer', weight: 3, pattern: /\bpre ?approv\w*|\bpre ?qualif\w*|\bdown payment\b|\bmortgage (payment|calculator)\b|\bmonthly payment\b|\bclosing costs\b|\bearnest money\b|\blenders?\b|\b(fha|va|usda|conventional) loan\b/g },
  { id: 'buyer:inventory-ask', target: 'buyer', weight: 3, pattern: /\blistings\b|\bwhat('?s| is) available\b|\bwhat do (you|u) have\b|\b(do|what) (you|u) have (any|anything)\b|\banything (available|for sale|with|in|out)\b|\bany (homes|houses|condos|townhomes|listings|new construction|open)\b|\bfor sale in\b|\bnew construction\b|\bnew builds?\b|\bstill available\b|\bnegotiable\b|\bwhat('?s| is) out there\b|\bprice range\b|\bbudget\b|\bafford\b|\bwhat does \$?\d+\w* get\b|\bcheapest\b|\bhow much house\b/g },
  { id: 'buyer:interested', target: 'buyer', weight: 2.5, pattern: /\binterested in (the|that|this|\d+|your listing|a \d|buying|purchasing)\b|\b(i'?m|im|i am|we'?re|we are) interested\b/g },
  { id: 'buyer:renter', target: 'buyer', weight: 3, pattern: /\btired of (paying )?rent(ing)?\b|\blease (ends|is up|expires)\b|\bto own\b|\bown finally\b|\bfirst (home|house|place)\b|\bstarter home\b|\bvacation home\b|\b(place|something|home|house) of (my|our) own\b|\bclose on (a|the|this|that) (home|house|place|condo|property)\b|\bget into (a|our|my|the) (home|house|place)\b|\b(my|the|our) (mortgage|payment|monthly payment) (be|would be|look like)\b|\b\d+ ?(%|percent) down\b|\bput(ting)? down\b/g },
  { id: 'buyer:send-me', target: 'buyer', weight: 3, pattern: /\b(send|show|email|text) me (some |a few |any )?(homes|listings|options|houses|properties|what|whatever|anything|stuff)\b|\b(what|which|any) (homes|houses|condos|listings|properties|townhomes)( \w+)? (do you|do u|you) have\b|\bavailable (in|near|around)\b|\bshow me\b|\binfo (on|about) (the|that|this|\d)/g },
  { id: 'buyer:for-family', target: 'buyer', weight: 2, pattern: new RegExp(String.raw`\b${HOME} for (my|our) (mom|dad|daughter|son|parents|family|kids)\b|\bhouse hunting for\b|\bthe (house|home|townhome|townhouse|condo|listing|property) (on|at) [a-z0-9]`, 'g') },
  { id: 'buyer:that-listing', target: 'buyer', weight: 2, pattern: /\b(that|this) (house|home|one|listing|neighborhood|property|condo|townhome|townhouse|subdivision)\b|\b(get|getting|break|breaking) into the market\b/g },
  { id: 'buyer:rooms', target: 'buyer', weight: 1, weak: true, pattern: /\b(\d|one|two|three|four|five)( ?- ?\d)? ?(bed|br|bd|bdrm|bedroom)s?\b|\b\d\/\d\b/g },
  { id: 'buyer:ceiling', target: 'buyer', weight: 1.5, weak: true, pattern: /\b(under|below|max|up to|less than) \$?\d/g },
  { id: 'buyer:features', target: 'buyer', weight: 1.5, weak: true, pattern: /\bacreage\b|\bwith (a|an) (pool|yard|garage|office|view|home office)\b|\bgood schools\b|\bmust have\b/g },
  // weak context: talk about homes that are not the lead's own (their own were masked above)
  { id: 'buyer:home-talk', target: 'buyer', weight: 1, once: true, weak: true, pattern: /\b(homes?|houses?|condos?|townhomes?|townhouses?|propert(y|ies)|listings?|bedrooms?|neighborhoods?|school district|sq ?ft|square feet|hoa|garage|backyard|yard|pool)\b/g },
];
