/**
 * Pattern tables for `classifyInbound`: opt-out, opt-in, HELP, human requests, anger and confusion.
 * Patterns run on lower-cased text with straightened apostrophes.
 *
 * @internal
 */

/** Keywords that opt out when they form a whole clause ("Not interested. STOP"). */
export const CLAUSE_OPT_OUT_KEYWORDS: readonly string[] = [
  'stop',
  'stopall',
  'stop all',
  'unsubscribe',
  'optout',
  'opt out',
  'opt-out',
  'revoke',
  'remove me',
  'unsubscribe me',
  'stop it',
  'stop now',
  'stop texting',
  'stop messaging',
];

/** Keywords that opt out only as the whole message (they have everyday meanings: "cancel my showing"). */
export const WHOLE_MESSAGE_OPT_OUT_KEYWORDS: readonly string[] = ['cancel', 'end', 'quit'];

/** Opt-out phrases anywhere in a message. */
export const OPT_OUT_PHRASES: readonly RegExp[] = [
  /\bstop (?:texting|txting|texing|messaging|msging|contacting|calling|emailing|e-mailing|sending|bugging|bothering|spamming|harassing|hitting me up|reaching out|with the (?:texts|messages))\b/,
  /\b(?:remove|delete|take) (?:me|my (?:number|name|info|email)) (?:off|from)\b/,
  /\bremove me\b/,
  /\bunsubscribe\b/,
  /\bopt(?:[- ]?me)?[- ]?out\b/,
  /\b(?:do not|don't|dont|never|quit|stop) (?:text|txt|message|msg|contact|call|email|e-mail)(?:ing)? (?:me|us|this number)\b(?! (?:until|till|til|after|before|at|during|between|on|in the|tomorrow|today|tonight|this|next|early|late|while|when|during))/,
  /\bno more (?:texts|txts|text messages|messages|msgs|emails|calls)\b/,
  /\blose my number\b/,
  /\bwrong (?:number|person)\b/,
  /\bleave me alone\b/,
  /\bstop all\b/,
];

/** Whole-message keywords that ask for help (carrier HELP). */
export const HELP_KEYWORDS: readonly string[] = ['help', 'info', 'support', 'help me', 'help?'];

/** A request to talk to a person. `{AGENT}` is replaced with the tenant's agent name. */
export const HUMAN_REQUEST_PATTERNS: readonly string[] = [
  String.raw`\b(?:talk|speak|chat|text|connect me|put me through|get me|transfer me)(?: directly)? (?:to|with) (?:a |an |the |your |some )?(?:real |actual |live |human |licensed |local )?(?:person|human|agent|realtor|someone|somebody|broker|rep|representative|manager|owner|people|individual|{AGENT})\b`,
  String.raw`\b(?:real|actual|live) (?:person|human|people|agent|realtor)\b`,
  String.raw`\b(?:want|need|prefer|request|rather have)(?:s|ed)? (?:a |an |to talk to a |to speak (?:to|with) a )?(?:human|person)\b`,
  String.raw`\b(?:can|could|have|will|would|please have|just have) (?:someone|somebody|an agent|a person|a human|a realtor|{AGENT}|you guys) (?:call|phone|ring|contact) me\b`,
  String.raw`^(?:please |pls |plz |just )?call me\b`,
  String.raw`\b(?:not|don't want to|dont want to|tired of) (?:talk(?:ing)?|chat(?:ting)?|deal(?:ing)?) (?:to|with) a (?:bot|robot|machine|computer|ai)\b`,
  String.raw`\b(?:human|agent|representative|operator)(?: please| pls| plz)?$`,
];

/** Strong anger or abuse: escalates on its own. */
export const ANGER_PATTERNS: readonly RegExp[] = [
  /\bf+u+c+k+\w*|\bfck\w*|\bfuk\w*|\bwtf\b|\bstfu\b|\bbull ?shit\b|\bshit(?:ty)?\b|\basshole\b|\bbitch\w*\b|\bscrew (?:you|this|off)\b|\bgo to hell\b|\bpiss(?:ed)? off\b|\bpissed\b/,
  /\b(?:this is |you're |you are |it's )?(?:a |such a )?(?:scam|fraud)\b|\bharass(?:ing|ment)?\b|\b(?:report(?:ing)?|sue|suing) (?:you|your)\b|\battorney general\b|\bbetter business bureau\b|\bbbb\b|\bftc\b/,
  /\b(?:you(?:'re| are)?|your \w+|this(?: is)?|these \w+|(?:the|this|stupid|dumb) bot)\s+(?:so |really |fucking |completely |totally |absolutely )?(?:stupid|dumb|useless|pathetic|ridiculous|annoying|worthless|a joke|garbage|trash|incompetent|terrible|awful)\b/,
  /\b(?:stupid|dumb|useless|annoying|worthless|idiotic) (?:bot|robot|ai|machine|texts?|messages?|questions?|company|people)\b/,
  /\b(?:sick (?:and tired )?of|fed up with|tired of|had it with) (?:you|this|these|your|the (?:texts|messages|bot|questions))\b/,
  /\b(?:idiot|idiots|moron|morons|clown|clowns)\b/,
];

/** Confusion cues; two in recent messages escalate. */
export const CONFUSION_PATTERNS: readonly RegExp[] = [
  /^(?:what|wut|wat|huh|hm+|\?+|what\?+|huh\?+|wdym|idk what you mean)[?!. ]*$/,
  /\bi (?:don't|do not|dont) (?:understand|get (?:it|what you mean))\b/,
  /\bwhat (?:do|did) you mean\b|\bwhat does that (?:even )?mean\b|\bwdym\b/,
  /\b(?:makes|made) no sense\b|\b(?:doesn't|does not|didn't) make (?:any )?sense\b|\bnot making (?:any )?sense\b/,
  /\bconfus(?:ed|ing)\b|\bi'm lost\b|\bim lost\b/,
  /\b(?:that's|that is|thats) not what i (?:asked|said|meant|want)\b|\bnot what i asked\b/,
  /\byou already asked\b|\bi already (?:told|said|answered|gave)\b|\bi just (?:told|said)\b/,
  /\bare you even (?:reading|listening)\b|\bdid you (?:even )?read\b/,
];

/** A question whether the lead is talking to a bot (answered honestly, not escalated). */
export const BOT_QUESTION =
  /\b(?:are you|is this|am i (?:talking|texting|chatting) (?:to|with)) (?:a |an )?(?:bot|robot|ai|real person|human|machine|computer|automated)\b/;
