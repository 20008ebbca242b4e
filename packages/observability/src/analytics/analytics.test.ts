import { describe, expect, it } from 'vitest';
import { engagementScore } from './engagement';
import { handoffEffectiveness } from './handoff-effectiveness';
import { qualityScore } from './quality-score';
import { detectResolution } from './resolution';
import { sentimentScore, sentimentTrajectory } from './sentiment';
import { NEGATIVE_WORDS, POSITIVE_WORDS } from './sentiment-lexicon';
import { jaccardSimilarity, tfIdfCosine, topicDrift } from './topic-drift';

const user = (content: string) => ({ role: 'user', content }) as const;
const bot = (content: string) => ({ role: 'assistant', content }) as const;

describe('sentiment', () => {
  it('ships the seed-sized lexicon (70 positive, 60 negative words)', () => {
    expect(POSITIVE_WORDS.size).toBe(70);
    expect(NEGATIVE_WORDS.size).toBe(60);
  });

  it('scores (positive − negative) / (positive + negative) on hand-worked texts', () => {
    expect(sentimentScore('The house is beautiful and spacious, great price!')).toBe(1);
    expect(sentimentScore('Love the kitchen but the yard is small')).toBe(0);
    expect(sentimentScore('Great location but expensive and outdated')).toBeCloseTo(-1 / 3, 10);
    expect(sentimentScore('When can I see it')).toBe(0);
  });

  it('flips a sentiment word preceded by a negation within two words', () => {
    expect(sentimentScore('not happy with the price')).toBe(-1);
    expect(sentimentScore("it isn't too expensive")).toBe(1);
    expect(sentimentScore('no, the kitchen is not bad at all')).toBe(1);
  });

  it('computes the trend from the first and second half means with a ±0.1 threshold', () => {
    const improving = sentimentTrajectory([
      user('This is frustrating'),
      bot('Let me check'),
      user('Perfect'),
      user('Great, thanks'),
    ]);
    expect(improving).toEqual({ scores: [-1, 0, 1, 1], overall: 0.25, trend: 'improving' });
    expect(sentimentTrajectory([user('great'), user('terrible')]).trend).toBe('declining');
    expect(sentimentTrajectory([user('great'), user('great, awesome')]).trend).toBe('stable');
    expect(sentimentTrajectory([user('great')])).toEqual({
      scores: [1],
      overall: 1,
      trend: 'stable',
    });
    expect(sentimentTrajectory([])).toEqual({ scores: [], overall: 0, trend: 'stable' });
  });

  it('accepts core messages (inbound = lead)', () => {
    const trajectory = sentimentTrajectory([
      { direction: 'inbound', body: 'awful' },
      { direction: 'outbound', body: 'sorry' },
    ]);
    expect(trajectory.scores).toEqual([-1, 0]);
  });
});

describe('topic drift', () => {
  it('computes 1 − TF-IDF cosine with smoothed IDF on a hand-worked pair', () => {
    // pool: df 2 → idf 1; garage, garden: df 1 → idf ln(3/2) + 1 = 1.405465
    // cosine = 1 / (1 + 1.405465²) = 0.336097 → drift 0.663903
    const drift = topicDrift([user('pool garage'), user('pool garden')]);
    expect(drift.method).toBe('tfidf');
    expect(drift.score).toBeCloseTo(0.663903, 5);
    expect(tfIdfCosine(['a', 'b'], ['a', 'b'])).toBeCloseTo(1, 10);
  });

  it('is 0 for the same topic and 1 for unrelated halves', () => {
    expect(topicDrift([user('pool in Cedar Park'), user('Cedar Park pool')]).score).toBeCloseTo(
      0,
      10,
    );
    expect(
      topicDrift([user('three bedroom house budget'), user('weather football tonight')]).score,
    ).toBe(1);
  });

  it('falls back to Jaccard when a half has no content words', () => {
    // all words: {ok, thanks} vs {ok} → Jaccard 1/2 → drift 0.5
    expect(topicDrift([user('ok thanks'), user('ok')])).toEqual({ score: 0.5, method: 'jaccard' });
    expect(jaccardSimilarity([], [])).toBe(1);
  });

  it('reports no drift for fewer than two messages', () => {
    expect(topicDrift([user('hello')])).toEqual({ score: 0, method: 'none' });
  });
});

describe('engagementScore', () => {
  it('weights length 40%, questions 30%, participation 30% (hand-worked)', () => {
    // length 16/100 = 0.16; questions 1/1; participation min(1/2, 0.6)/0.6 = 0.8333
    // 0.4 × 0.16 + 0.3 × 1 + 0.3 × 0.8333 = 0.064 + 0.3 + 0.25 = 0.614
    const score = engagementScore([user('Is it available?'), bot('Yes!')]);
    expect(score.score).toBeCloseTo(0.614, 10);
    expect(score).toMatchObject({ length: 0.16, questions: 1 });
  });

  it('caps message length at 100 characters and participation at 0.6', () => {
    // lead lengths 150 and 2 → mean 76 → 0.76; participation 2/2 capped 0.6 → 1
    const score = engagementScore([user('x'.repeat(150)), user('ok')]);
    expect(score).toEqual({
      score: 0.4 * 0.76 + 0.3,
      length: 0.76,
      questions: 0,
      participation: 1,
    });
    expect(engagementScore([user('y'.repeat(500))]).length).toBe(1);
  });

  it('is 0 without lead messages', () => {
    expect(engagementScore([bot('Hello there')]).score).toBe(0);
  });
});

describe('detectResolution', () => {
  it('matches the resolution patterns in the last three messages only', () => {
    expect(detectResolution([bot('Showing booked for 3pm'), user('Perfect, thanks!')])).toEqual({
      resolved: true,
      matched: ['thank_you', 'perfect', 'scheduled'],
    });
    expect(detectResolution([user('thanks'), bot('a'), user('b'), bot('c')]).resolved).toBe(false);
    expect(detectResolution([user("That's all for now, bye")]).matched).toEqual([
      'goodbye',
      'thats_all',
    ]);
  });
});

describe('qualityScore', () => {
  it('combines the components with the seed weights (hand-worked)', () => {
    const conversation = [
      user('Looking for a house with a pool in Round Rock'),
      bot('Great, I found 3 homes with a pool in Round Rock'),
      user('Perfect, thanks!'),
      bot('Your showing is scheduled'),
    ];
    // sentiment scores 0, 1, 1, 0 → overall 0.5 → normalized 0.75
    // engagement: lengths 45, 16 → 0.305 × 0.4 = 0.122; questions 0; participation 0.5/0.6 × 0.3 = 0.25 → 0.372
    // drift: no shared content word between halves → 1, coherence 0; resolution 1
    // 0.25 × 0.75 + 0.25 × 0.372 + 0.25 × 0 + 0.2 × 1 + 0.05 = 0.5305
    const quality = qualityScore(conversation);
    expect(quality.sentiment).toBe(0.75);
    expect(quality.engagement).toBeCloseTo(0.372, 10);
    expect(quality.coherence).toBe(0);
    expect(quality.resolution).toBe(1);
    expect(quality.score).toBeCloseTo(0.5305, 10);
  });

  it('stays between 0.05 and 1', () => {
    expect(qualityScore([]).score).toBeCloseTo(0.25 * 0.5 + 0.25 * 1 + 0.05, 10);
    expect(qualityScore([user('terrible'), user('awful')]).score).toBeGreaterThanOrEqual(0.05);
  });
});

describe('handoffEffectiveness', () => {
  it('counts resolutions and messages after each handoff, skipping invalid indices', () => {
    const resolvedAfter = [
      user('buy'),
      bot('sure'),
      bot('buyer bot here'),
      user('great'),
      user('thanks, bye'),
    ];
    const unresolved = [user('sell'), bot('seller bot here'), user('hmm'), bot('ok')];
    const skipped = [user('hi')];
    expect(handoffEffectiveness([resolvedAfter, unresolved, skipped], [2, 1, 10])).toEqual({
      handoffs: 2,
      successfulResolutions: 1,
      averageMessagesAfterHandoff: 3,
      effectivenessRate: 0.5,
    });
    expect(handoffEffectiveness([], [])).toEqual({
      handoffs: 0,
      successfulResolutions: 0,
      averageMessagesAfterHandoff: 0,
      effectivenessRate: 0,
    });
  });
});
