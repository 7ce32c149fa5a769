import { Network } from '#shared/networks';

/** Where demo people live: ISO 3166 code, share of the population, names, languages and UTC offset. */
export interface Region {
  code: string;
  weight: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** BCP 47 tags with their shares among people of the region. */
  languages: readonly (readonly [string, number])[];
  /** Hours from UTC of the region's main time zone, for posting hours. */
  utcOffset: number;
}

const ENGLISH_FIRST = ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Ashley', 'Chris', 'Jessica', 'Tyler', 'Brittany', 'Marcus', 'Keisha', 'Kevin', 'Emily', 'Jordan', 'Megan'];
const ENGLISH_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'White', 'Harris', 'Clark'];
const BRITISH_FIRST = ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Olivia', 'Jack', 'Poppy', 'Charlie', 'Sophie', 'Alfie', 'Freya'];
const BRITISH_LAST = ['Smith', 'Jones', 'Taylor', 'Davies', 'Evans', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Clarke', 'Patel', 'Green'];

export const REGIONS: readonly Region[] = [
  { code: 'US', weight: 30, firstNames: [...ENGLISH_FIRST, 'José', 'María', 'Luis', 'Ana'], lastNames: [...ENGLISH_LAST, 'Garcia', 'Rodriguez', 'Martinez', 'Nguyen'], languages: [['en', 0.88], ['es', 0.12]], utcOffset: -5 },
  { code: 'GB', weight: 9, firstNames: BRITISH_FIRST, lastNames: BRITISH_LAST, languages: [['en-GB', 1]], utcOffset: 0 },
  { code: 'IN', weight: 10, firstNames: ['Aarav', 'Priya', 'Vivaan', 'Ananya', 'Arjun', 'Diya', 'Rohan', 'Isha', 'Karan', 'Neha', 'Rahul', 'Pooja'], lastNames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Shah', 'Rao', 'Das'], languages: [['en-IN', 0.65], ['hi', 0.35]], utcOffset: 5.5 },
  { code: 'BR', weight: 8, firstNames: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel', 'Juliana', 'Rafael', 'Larissa', 'Mateus', 'Camila'], lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro'], languages: [['pt-BR', 1]], utcOffset: -3 },
  { code: 'DE', weight: 6, firstNames: ['Lukas', 'Anna', 'Leon', 'Lena', 'Finn', 'Mia', 'Jonas', 'Hannah', 'Paul', 'Lea', 'Felix', 'Sophie'], lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter'], languages: [['de', 1]], utcOffset: 1 },
  { code: 'FR', weight: 6, firstNames: ['Camille', 'Lucas', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Gabriel', 'Inès', 'Arthur', 'Juliette', 'Nathan'], lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'], languages: [['fr', 1]], utcOffset: 1 },
  { code: 'JP', weight: 6, firstNames: ['Haruto', 'Yui', 'Sota', 'Hina', 'Yuto', 'Aoi', 'Ren', 'Sakura', 'Riku', 'Mei', 'Kaito', 'Yuna'], lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'], languages: [['ja', 1]], utcOffset: 9 },
  { code: 'CA', weight: 4, firstNames: [...ENGLISH_FIRST.slice(0, 10), 'Émilie', 'Mathieu'], lastNames: [...ENGLISH_LAST.slice(0, 10), 'Tremblay', 'Gagnon'], languages: [['en-CA', 0.75], ['fr-CA', 0.25]], utcOffset: -5 },
  { code: 'ES', weight: 4, firstNames: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'Martina', 'Daniel', 'Paula', 'Alejandro', 'Carmen', 'Javier', 'Elena'], lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Jiménez', 'Ruiz', 'Díaz'], languages: [['es', 1]], utcOffset: 1 },
  { code: 'MX', weight: 4, firstNames: ['Santiago', 'Ximena', 'Mateo', 'Valentina', 'Diego', 'Regina', 'Emiliano', 'Renata', 'Leonardo', 'Fernanda', 'Sebastián', 'Camila'], lastNames: ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Reyes'], languages: [['es-MX', 1]], utcOffset: -6 },
  { code: 'NG', weight: 3, firstNames: ['Chinedu', 'Ngozi', 'Emeka', 'Amaka', 'Tunde', 'Funmi', 'Ifeanyi', 'Chiamaka', 'Segun', 'Bisi', 'Obinna', 'Kemi'], lastNames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Olawale', 'Ibrahim', 'Chukwu', 'Afolabi', 'Obi'], languages: [['en-NG', 1]], utcOffset: 1 },
  { code: 'AU', weight: 3, firstNames: BRITISH_FIRST, lastNames: [...BRITISH_LAST.slice(0, 8), 'Kelly', 'Murphy', 'Ryan', 'Nguyen'], languages: [['en-AU', 1]], utcOffset: 10 },
  { code: 'IT', weight: 3, firstNames: ['Leonardo', 'Sofia', 'Francesco', 'Giulia', 'Alessandro', 'Aurora', 'Lorenzo', 'Alice', 'Mattia', 'Ginevra', 'Andrea', 'Chiara'], lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'], languages: [['it', 1]], utcOffset: 1 },
  { code: 'KR', weight: 3, firstNames: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Seo-jun', 'Su-ah', 'Ye-jun', 'Chae-won', 'Joon', 'Yuna'], lastNames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'], languages: [['ko', 1]], utcOffset: 9 },
  { code: 'NL', weight: 2, firstNames: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Tess', 'Milan', 'Sara', 'Levi', 'Anna', 'Finn', 'Noor'], lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos'], languages: [['nl', 1]], utcOffset: 1 },
];

/**
 * A topical community: people who mostly post about its topics and mostly react to each other.
 * Every topic is one of data/klout/klout_topic_ontology_20180601.csv, slug and display name (a
 * test checks both); the first is the community's main topic and appears on most of its posts.
 */
export interface Community {
  key: string;
  name: string;
  weight: number;
  topics: readonly { slug: string; name: string }[];
  /** How much more (or less) than average its people use each network. */
  networkAffinity: Partial<Record<Network, number>>;
  /** Things its posts talk about. */
  subjects: readonly string[];
  /** Words of a blog post's or article's title. */
  titleWords: readonly string[];
}

export const COMMUNITIES: readonly Community[] = [
  {
    key: 'hoops', name: 'Basketball', weight: 11,
    topics: [{ slug: 'basketball', name: 'Basketball' }, { slug: 'nba', name: 'NBA' }, { slug: 'los-angeles-lakers', name: 'Los Angeles Lakers' }, { slug: 'golden-state-warriors', name: 'Golden State Warriors' }],
    networkAffinity: { TWITTER: 1.6, YOUTUBE: 1.4, TIKTOK: 1.2, LINKEDIN: 0.3, BLOG: 0.6 },
    subjects: ['the fourth-quarter comeback', "this rookie's footwork", 'the trade deadline rumours', 'zone defence in the playoffs', 'the three-point revolution', 'last night’s buzzer beater', 'the MVP race', 'pick-and-roll spacing', 'the Lakers bench', 'Warriors ball movement'],
    titleWords: ['Playoff', 'Rotation', 'Shooting', 'Defence', 'Draft', 'Bench', 'Clutch', 'Spacing'],
  },
  {
    key: 'football', name: 'Football', weight: 11,
    topics: [{ slug: 'soccer', name: 'Soccer' }, { slug: 'champions-league', name: 'Champions League' }, { slug: 'world-cup', name: 'FIFA World Cup' }, { slug: 'manchester-united', name: 'Manchester United' }, { slug: 'fc-barcelona', name: 'FC Barcelona' }],
    networkAffinity: { TWITTER: 1.4, INSTAGRAM: 1.2, FACEBOOK: 1.3, TIKTOK: 1.2, LINKEDIN: 0.3, BLOG: 0.6 },
    subjects: ['the pressing game', 'tonight’s Champions League draw', 'that free kick', 'the transfer window', 'a 4-3-3 that finally works', 'the derby atmosphere', 'VAR decisions this weekend', 'the academy graduates', 'set-piece routines', 'the World Cup qualifiers'],
    titleWords: ['Tactics', 'Transfer', 'Derby', 'Pressing', 'Midfield', 'Academy', 'Matchday', 'Formation'],
  },
  {
    key: 'kitchen', name: 'Home cooking', weight: 10,
    topics: [{ slug: 'cooking', name: 'Cooking' }, { slug: 'recipes', name: 'Recipes' }, { slug: 'baking', name: 'Baking' }, { slug: 'vegetarianism', name: 'Vegetarianism' }],
    networkAffinity: { INSTAGRAM: 1.5, YOUTUBE: 1.3, BLOG: 2.2, FACEBOOK: 1.2, TIKTOK: 1.1, LINKEDIN: 0.3, TWITTER: 0.7 },
    subjects: ['a weeknight lentil curry', 'sourdough with a 70% hydration', 'crispy roast potatoes', 'a no-knead focaccia', 'brown butter cookies', 'the perfect omelette', 'a one-pot mushroom risotto', 'homemade ramen broth', 'batch-cooking for the week', 'lemon olive-oil cake'],
    titleWords: ['Recipe', 'Sourdough', 'Weeknight', 'Pantry', 'Roast', 'Bake', 'Spice', 'Seasonal'],
  },
  {
    key: 'photo', name: 'Photography', weight: 8,
    topics: [{ slug: 'photography', name: 'Photography' }, { slug: 'portrait-photography', name: 'Portrait Photography' }, { slug: 'street-photography', name: 'Street Photography' }, { slug: 'cameras', name: 'Cameras' }],
    networkAffinity: { INSTAGRAM: 2.0, BLOG: 1.8, TWITTER: 1.0, YOUTUBE: 1.0, TIKTOK: 0.5, LINKEDIN: 0.5 },
    subjects: ['golden-hour portraits', 'shooting street scenes at 28mm', 'a used film camera', 'editing skin tones', 'night photography without a tripod', 'the rule of thirds (and breaking it)', 'prime lenses versus zooms', 'a rainy-day photo walk', 'natural light in small rooms', 'black-and-white conversions'],
    titleWords: ['Light', 'Lens', 'Portrait', 'Street', 'Film', 'Exposure', 'Composition', 'Colour'],
  },
  {
    key: 'startups', name: 'Startups', weight: 8,
    topics: [{ slug: 'startups', name: 'Startups' }, { slug: 'entrepreneurship', name: 'Entrepreneurship' }, { slug: 'venture-capital', name: 'Venture Capital' }],
    networkAffinity: { LINKEDIN: 2.6, TWITTER: 1.5, BLOG: 1.8, INSTAGRAM: 0.4, TIKTOK: 0.3, YOUTUBE: 0.6 },
    subjects: ['raising a seed round in this market', 'hiring your first engineer', 'pricing a B2B product', 'the pitch deck that worked', 'default alive versus default dead', 'customer interviews', 'founder burnout', 'a term sheet red flag', 'product-market fit signals', 'bootstrapping to profit'],
    titleWords: ['Founders', 'Seed', 'Pricing', 'Growth', 'Hiring', 'Runway', 'Pitch', 'Market'],
  },
  {
    key: 'ml', name: 'Machine learning', weight: 8,
    topics: [{ slug: 'machine-learning', name: 'Machine Learning' }, { slug: 'artificial-intelligence', name: 'Artificial Intelligence' }, { slug: 'deep-learning', name: 'Deep Learning' }, { slug: 'data-science', name: 'Data Science' }],
    networkAffinity: { TWITTER: 1.7, LINKEDIN: 1.8, BLOG: 2.0, YOUTUBE: 1.1, INSTAGRAM: 0.3, TIKTOK: 0.3, FACEBOOK: 0.5 },
    subjects: ['evaluation sets that leak', 'fine-tuning a small model', 'why the baseline wins', 'feature stores', 'gradient checkpointing', 'a reproducible training run', 'label noise', 'retrieval versus fine-tuning', 'model cards', 'calibrating classifier scores'],
    titleWords: ['Models', 'Training', 'Evaluation', 'Data', 'Inference', 'Features', 'Baselines', 'Embeddings'],
  },
  {
    key: 'fashion', name: 'Fashion', weight: 9,
    topics: [{ slug: 'fashion', name: 'Fashion' }, { slug: 'fashion-design', name: 'Fashion Design' }, { slug: 'haute-couture', name: 'Haute Couture' }, { slug: 'beauty', name: 'Beauty' }],
    networkAffinity: { INSTAGRAM: 2.4, TIKTOK: 2.0, YOUTUBE: 1.2, TWITTER: 0.6, LINKEDIN: 0.3, BLOG: 0.8 },
    subjects: ['the couture week finale', 'a capsule wardrobe', 'thrifted denim', 'oversized tailoring', 'this season’s colours', 'a skincare routine that works', 'vintage silk scarves', 'sustainable fabrics', 'runway to street', 'an emerging designer to watch'],
    titleWords: ['Style', 'Runway', 'Wardrobe', 'Couture', 'Vintage', 'Tailoring', 'Beauty', 'Season'],
  },
  {
    key: 'travel', name: 'Travel', weight: 8,
    topics: [{ slug: 'travel', name: 'Travel' }, { slug: 'adventure-travel', name: 'Adventure Travel' }, { slug: 'backpacking', name: 'Backpacking' }, { slug: 'hiking', name: 'Hiking' }],
    networkAffinity: { INSTAGRAM: 1.8, BLOG: 2.0, YOUTUBE: 1.4, FACEBOOK: 1.0, LINKEDIN: 0.3 },
    subjects: ['a week on the Camino', 'packing light for a month', 'night trains across Europe', 'a sunrise hike', 'street food in Bangkok', 'travelling off-season', 'a hostel that felt like home', 'the Patagonia trek', 'a slow weekend in Lisbon', 'travel insurance lessons'],
    titleWords: ['Trail', 'Journey', 'Backpack', 'Summit', 'Itinerary', 'Border', 'Coast', 'Roadtrip'],
  },
  {
    key: 'gaming', name: 'Gaming', weight: 9,
    topics: [{ slug: 'video-games', name: 'Video Games' }, { slug: 'esports', name: 'eSports' }, { slug: 'nintendo', name: 'Nintendo' }, { slug: 'playstation', name: 'PlayStation' }],
    networkAffinity: { YOUTUBE: 2.2, TWITTER: 1.5, TIKTOK: 1.5, FACEBOOK: 0.6, LINKEDIN: 0.2, BLOG: 0.7 },
    subjects: ['the new patch notes', 'a speedrun route', 'the esports finals', 'an indie game gem', 'the boss fight nobody can beat', 'backlog confessions', 'controller versus keyboard', 'a co-op night', 'the console exclusive', 'retro cartridges'],
    titleWords: ['Patch', 'Speedrun', 'Boss', 'Backlog', 'Finals', 'Console', 'Indie', 'Co-op'],
  },
  {
    key: 'music', name: 'Music', weight: 8,
    topics: [{ slug: 'music', name: 'Music' }, { slug: 'hip-hop', name: 'Hip Hop' }, { slug: 'jazz', name: 'Jazz' }, { slug: 'indie-music', name: 'Indie Music' }],
    networkAffinity: { TIKTOK: 1.8, INSTAGRAM: 1.4, YOUTUBE: 1.6, TWITTER: 1.1, LINKEDIN: 0.3, BLOG: 0.7 },
    subjects: ['a record I can’t stop playing', 'the festival line-up', 'sampling done right', 'a late-night jazz set', 'the sophomore album', 'vinyl pressing quality', 'a bedroom-pop discovery', 'live versus studio takes', 'the beat switch at 2:14', 'a tiny venue gig'],
    titleWords: ['Album', 'Groove', 'Vinyl', 'Setlist', 'Chorus', 'Session', 'Sample', 'Encore'],
  },
  {
    key: 'fitness', name: 'Fitness', weight: 7,
    topics: [{ slug: 'fitness', name: 'Fitness' }, { slug: 'running', name: 'Running' }, { slug: 'yoga', name: 'Yoga' }, { slug: 'nutrition', name: 'Nutrition' }, { slug: 'weight-training', name: 'Weight Training' }],
    networkAffinity: { INSTAGRAM: 1.8, TIKTOK: 1.6, YOUTUBE: 1.4, LINKEDIN: 0.4, BLOG: 0.9 },
    subjects: ['a 5k personal best', 'morning mobility', 'deadlift form', 'a protein-heavy breakfast', 'rest days', 'a beginner yoga flow', 'zone-2 training', 'my first half marathon', 'progressive overload', 'hydration myths'],
    titleWords: ['Training', 'Strength', 'Recovery', 'Pace', 'Mobility', 'Fuel', 'Routine', 'Habit'],
  },
  {
    key: 'climate', name: 'Climate', weight: 6,
    topics: [{ slug: 'climate-change', name: 'Climate Change' }, { slug: 'sustainability', name: 'Sustainability' }, { slug: 'renewable-energy', name: 'Renewable Energy' }, { slug: 'solar-energy', name: 'Solar Energy' }],
    networkAffinity: { TWITTER: 1.5, LINKEDIN: 1.7, BLOG: 1.8, FACEBOOK: 1.2, INSTAGRAM: 0.6, TIKTOK: 0.5 },
    subjects: ['rooftop solar payback times', 'grid-scale batteries', 'a heat-pump install', 'the latest emissions report', 'repair cafés', 'community energy co-ops', 'carbon accounting pitfalls', 'cycling infrastructure', 'offshore wind auctions', 'cutting food waste'],
    titleWords: ['Energy', 'Grid', 'Emissions', 'Solar', 'Transition', 'Policy', 'Storage', 'Circular'],
  },
  {
    key: 'webdev', name: 'Web development', weight: 7,
    topics: [{ slug: 'javascript', name: 'JavaScript' }, { slug: 'web-development', name: 'Web Development' }, { slug: 'open-source', name: 'Open Source' }, { slug: 'node-js', name: 'Node.js' }],
    networkAffinity: { TWITTER: 1.8, BLOG: 2.2, LINKEDIN: 1.4, YOUTUBE: 1.0, INSTAGRAM: 0.3, TIKTOK: 0.3, FACEBOOK: 0.4 },
    subjects: ['a flaky test that was a race', 'bundle size budgets', 'strict TypeScript in an old codebase', 'server-side rendering trade-offs', 'maintaining an open-source library', 'accessible forms', 'a Node.js memory leak', 'database migrations without downtime', 'CSS container queries', 'the case for boring tech'],
    titleWords: ['Shipping', 'Types', 'Performance', 'Refactor', 'Release', 'Debugging', 'Patterns', 'Tooling'],
  },
];

/** How widely each network is used, before community affinity. */
export const NETWORK_POPULARITY: Readonly<Record<Network, number>> = {
  TWITTER: 30,
  INSTAGRAM: 24,
  FACEBOOK: 18,
  LINKEDIN: 11,
  TIKTOK: 12,
  YOUTUBE: 9,
  BLOG: 8,
};

/** Typical audience on a network relative to the others: a subscriber is rarer than a follower. */
export const NETWORK_AUDIENCE_SCALE: Readonly<Record<Network, number>> = {
  TWITTER: 1.2,
  INSTAGRAM: 1.5,
  FACEBOOK: 0.9,
  LINKEDIN: 1.0,
  TIKTOK: 1.8,
  YOUTUBE: 0.6,
  BLOG: 0.15,
};

/** Year each network opened to the public: no account is older. */
export const NETWORK_LAUNCH_YEAR: Readonly<Record<Network, number>> = {
  TWITTER: 2006,
  INSTAGRAM: 2010,
  FACEBOOK: 2006,
  LINKEDIN: 2003,
  TIKTOK: 2017,
  YOUTUBE: 2005,
  BLOG: 2000,
};

export const POST_OPENERS = [
  'Can’t stop thinking about', 'Hot take on', 'Quick thread on', 'Some notes on', 'Loved', 'Unpopular opinion about',
  'Finally tried', 'Three lessons from', 'A short guide to', 'Still amazed by', 'Honest review of', 'Behind the scenes of',
  'What nobody tells you about', 'My favourite part of', 'Rethinking', 'Small win today:',
];

export const POST_CLOSERS = [
  'What do you think?', 'More soon.', 'Thoughts welcome.', 'Worth it.', 'Would do it again.', 'Details below.',
  'Saving this for later.', 'Still learning.', 'Tell me I’m wrong.', 'Highly recommend.', 'Not what I expected.',
  'Took me years to get here.', 'Happy weekend!', 'Bookmark this one.',
];

/** Top-level comments and replies; {topic} becomes the display name of the post's topic. */
export const COMMENT_TEMPLATES = [
  'Great point about {topic}.', 'Totally agree with this.', 'Have you tried it the other way round?', 'This is exactly what I needed today.',
  'Saving this, thank you!', 'Respectfully disagree: {topic} is more nuanced.', 'Where did you learn this?', 'Love the detail here.',
  'Following for more {topic} takes.', 'This made my day.', 'Could you share the source?', 'Same experience here.',
  'Not sure about the second part.', 'Best {topic} post I’ve read this month.', 'How long did it take you?', 'Ha, so true.',
];

export const REPLY_BACK_TEMPLATES = [
  'Thanks! Glad it helped.', 'Good question: mostly practice.', 'Fair point, I’ll dig into that.', 'Yes! Let me know how it goes.',
  'Source is in the next post.', 'About two weeks, on and off.', 'We should compare notes sometime.', 'Appreciate you reading.',
  'Agreed, I simplified a lot.', 'Ha, exactly.',
];

/** What the engagement ring posts to each other, on schedule. */
export const RING_COMMENTS = ['🔥🔥🔥', 'Amazing!!', 'Love this 😍', 'So good!', 'Yes!! 🙌', 'Incredible content', 'Goals 💯', 'Wow 👏👏'];

/** The spam a duplicate poster repeats word for word. */
export const DUPLICATE_POST_TEXTS = [
  'Want to grow your audience fast? My {topic} masterclass is 50% off this week only. Link in bio!',
  'DM me "GROWTH" for the free {topic} checklist that changed everything for me 🚀',
  'Stop scrolling! The {topic} course everyone is talking about is open again. Limited seats.',
];
