/**
 * The built-in message templates, in the friendly voice. Each key lists its A/B variants (the first is `A`); a
 * contact always sees the same variant of a key (see `pickVariant`). Placeholders: `{name}` is replaced by the value,
 * `{ name}` adds a leading space only when the value exists (so `Hi{ firstName}!` reads `Hi!` without a name).
 * Questions are worded so that short answers ("yes", "3", "600") are understood against them.
 */
export const DEFAULT_TEMPLATES = {
  // --- Lead bot ---
  'lead.greeting': [
    'Hi{ firstName}! This is {agent} with {agency}. Thanks for reaching out.',
    'Hi{ firstName}, {agent} here from {agency}. Thanks for getting in touch.',
  ],
  'ask.intent': [
    'Are you looking to buy a home, sell one, or both?',
    'What can I help with: buying, selling, or both?',
  ],
  'lead.clarify': [
    'Just so I help the right way: are you thinking about buying, selling, or both?',
    'Sorry if I missed it. Are you looking to buy, sell, or both?',
  ],
  'lead.browsing': [
    'No pressure at all, lots of people like to keep an eye on the market first.',
    'Totally fine to just look around for now.',
  ],
  'ask.areas_browsing': [
    'Which areas are you keeping an eye on?',
    'Which areas or cities are you curious about?',
  ],
  'lead.nurture_offer': [
    "I'll check in now and then with market updates{ forAreas}. Whenever you're ready to buy or sell, just text me here.",
    "I'll send the occasional market update{ forAreas}. If your plans change, reply here any time.",
  ],
  // --- Buyer bot ---
  'buyer.intro': [
    'Great, I can help you find the right home.',
    'Happy to help with your home search.',
  ],
  'ask.budget': ['What price range are you comfortable with?', 'What budget are you working with?'],
  'ask.financing': [
    'Have you been pre-approved for a mortgage yet, or will you be paying cash?',
    'Are you pre-approved with a lender yet, or paying cash?',
  ],
  'ask.areas': [
    'Which areas are you most interested in?',
    'Which areas or cities would you like to live in?',
  ],
  'ask.bedrooms': ['How many bedrooms do you need?', 'How many bedrooms are you looking for?'],
  'ask.must_haves': [
    'Any must-haves, like a garage, a pool, a yard or a home office?',
    'Is there anything the home must have, say a garage, a yard, a pool or an office?',
  ],
  'ask.timeline': [
    'When are you hoping to make the move?',
    'What timeline do you have in mind for the move?',
  ],
  'buyer.matches': [
    'Here are {count} homes that fit what you told me:\n{listings}\nWant to see any of them in person?',
    'I found {count} homes that match:\n{listings}\nWould you like to tour one?',
  ],
  'buyer.no_matches': [
    "I don't see an active listing that fits all of that right now, and I'll text you when one comes up. Would you consider nearby areas or a different price range?",
    "Nothing active fits all of that today; I'll keep watching for you. Are you open to other areas or a different price range?",
  ],
  'buyer.pick_listing': [
    'Which one would you like to see? Just reply 1, 2 or 3.',
    'Happy to set that up. Which one: 1, 2 or 3?',
  ],
  'buyer.offer_showing': [
    'I can show you {listing} at any of these times: {slots}. Which works best?',
    'For {listing} I have {slots}. Which time suits you?',
  ],
  'buyer.no_slots': [
    "I'll check {agent}'s calendar and text you showing times for {listing} shortly.",
    '{agent} will get back to you with showing times for {listing} shortly.',
  ],
  'buyer.booked': [
    "You're all set: a showing at {listing} on {time}. {agent} will meet you there.",
    'Booked! {agent} will show you {listing} on {time}.',
  ],
  'buyer.decline': [
    'No problem. What would you change: the area, the price range or the size?',
    'Got it. Should I look in other areas, at another price range or at a different size?',
  ],
  // --- Seller bot ---
  'seller.intro': [
    'Great, I can help you figure out what your home could sell for.',
    'Happy to help you get a sense of your home’s value.',
  ],
  'ask.address': [
    "What's the address of the home you're thinking of selling?",
    'What is the address of the property?',
  ],
  'ask.property_area': [
    'Which neighborhood or city is it in?',
    'What area of town is the home in?',
  ],
  'ask.size': [
    'How many bedrooms does it have, and roughly how many square feet?',
    'Roughly how big is it: bedrooms and square feet?',
  ],
  'ask.condition': [
    'How would you describe its condition: move-in ready, needs some work, or a fixer-upper?',
    'What shape is it in: move-in ready, needing some updates, or a fixer-upper?',
  ],
  'ask.motivation': ["What's prompting the move?", 'What has you thinking about selling?'],
  'ask.price': [
    'Do you have a price in mind you are hoping to get?',
    'What would you hope to sell it for?',
  ],
  'seller.cma': [
    'Based on {count} recent sales in {area} (median {ppsf}/sq ft, adjusted for size and condition), your home would likely sell for about {estimate}, in a range of {low} to {high}. Sales used: {comps}. This is an estimate, not an appraisal.',
    'I looked at {count} recent sales in {area}: at a median of {ppsf}/sq ft, adjusted for size and condition, your home comes out around {estimate} ({low} to {high}). Sales used: {comps}. This is an estimate, not an appraisal.',
  ],
  'seller.no_cma': [
    "There aren't enough recent sales near you for a solid estimate, so {agent} will prepare a full market analysis for you.",
    '{agent} will put together a detailed market analysis for your home, since recent sales nearby are thin.',
  ],
  'seller.offer_appointment': [
    'Would you like to meet with {agent} to go over pricing and a plan? I have {slots}.',
    '{agent} can walk you through pricing and marketing in person. I have {slots}. Want one of those?',
  ],
  'seller.no_slots': [
    '{agent} will reach out to set up a time to go over pricing and a plan with you.',
    "I'll have {agent} contact you to find a good time to meet.",
  ],
  'seller.booked': [
    'Done: your listing appointment with {agent} is on {time}.',
    "You're booked with {agent} on {time} to go over pricing and next steps.",
  ],
  // --- shared ---
  pick_slot: ['Which time works for you: {slots}?', 'Just let me know which time: {slots}?'],
  'wrap.booked': [
    "You're all set for {time}. {agent} will confirm with you directly.",
    '{agent} will see you on {time} and confirm beforehand.',
  ],
  'wrap.general': [
    "Thanks! I've passed that along to {agent}, who will follow up with you personally.",
    'Got it. {agent} will follow up with you personally.',
  ],
  'escalation.ack': [
    "Understood. I'm letting {agent} know so someone from our team can reach out to you directly.",
    'Of course. {agent} or a teammate will get back to you personally.',
  ],
  // --- nurture ---
  'nurture.day3': [
    'Hi{ firstName}, {agent} here. Just checking in: are you still thinking about {goal}? Happy to answer any questions.',
    'Hi{ firstName}! Any questions come up about {goal}? I am here whenever you are ready.',
  ],
  'nurture.day7': [
    'Hi{ firstName}, {agent} again. Would an update on {topic} be helpful?',
    'Hi{ firstName}, want me to send a quick update on {topic}?',
  ],
  'nurture.day30': [
    'Hi{ firstName}, it has been a few weeks. Are you still planning on {goal}? Reply any time and I will pick up where we left off.',
    'Hi{ firstName}, {agent} here. If {goal} is still on your mind, I would be glad to help whenever the timing is right.',
  ],
} as const satisfies Record<string, readonly [string, ...string[]]>;

/** Key of a message template. */
export type TemplateKey = keyof typeof DEFAULT_TEMPLATES;

/** Template overrides for a tenant: any key, with its own variants (the first is `A`). */
export type TemplateOverrides = Partial<Record<TemplateKey, readonly [string, ...string[]]>>;
