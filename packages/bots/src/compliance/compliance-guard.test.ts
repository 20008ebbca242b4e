import {
  DEMO_TENANT,
  createEventBus,
  createMemoryAuditLog,
  type EventMap,
} from '@enterprisehub/core';
import { ManualClock, buildContact, buildTenant } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createComplianceGuard } from './compliance-guard';

/** Noon in Austin (CST, UTC-6) on a winter weekday. */
const NOON_AUSTIN = Date.UTC(2026, 0, 6, 18, 0);

describe('createComplianceGuard', () => {
  const guard = createComplianceGuard();

  it('passes plain facts untouched when nothing fires', async () => {
    for (const text of [
      '3 bed 2 bath, listed at $450,000.',
      'The family room opens to the backyard.',
      'It is walking distance to the library.',
      'The master bedroom has a walk-in closet.',
      'See the school district ratings at https://txschools.gov/safe-neighborhoods',
    ]) {
      const result = await guard.check({ text, now: NOON_AUSTIN });
      expect(result).toEqual({ kind: 'allow', text, rules: [], findings: [] });
    }
  });

  it('rewrites a steering adjective and adds a pointer to official data when a clean rewrite exists', async () => {
    const result = await guard.check({
      text: 'It is a 3 bed in a safe neighborhood near Lakeline Mall.',
      now: NOON_AUSTIN,
    });
    expect(result.kind).toBe('rewrite');
    expect(result.rules).toEqual(['fair_housing.steering.safety']);
    if (result.kind !== 'rewrite') return;
    expect(result.text).toBe(
      "It is a 3 bed in a neighborhood near Lakeline Mall. For crime information, see the local police department's official crime maps.",
    );
  });

  it('replaces an audience pitch with neutral wording', async () => {
    const result = await guard.check({
      text: 'This 4 bed home is perfect for families. Want to tour Saturday?',
      now: NOON_AUSTIN,
    });
    expect(result).toMatchObject({
      kind: 'rewrite',
      text: 'This 4 bed home is perfect for many buyers. Want to tour Saturday?',
      rules: ['fair_housing.steering.familial'],
    });
  });

  it('turns a lending recommendation into a lender referral and keeps the rest of the message', async () => {
    const result = await guard.check({
      text: 'Love that budget! You should get an FHA loan. Want to see listings?',
      now: NOON_AUSTIN,
    });
    expect(result).toMatchObject({
      kind: 'rewrite',
      text: 'Love that budget! A licensed lender can review your situation and explain which loan options fit. Want to see listings?',
      rules: ['advice.lending'],
    });
  });

  it('blocks a statement of preference and asks for escalation with a compliant fallback', async () => {
    const result = await guard.check({
      text: 'This one is perfect for a Christian family.',
      now: NOON_AUSTIN,
    });
    expect(result.kind).toBe('block');
    if (result.kind !== 'block') return;
    expect(result.escalate).toBe(true);
    expect(result.rules).toContain('fair_housing.preference');
    expect(result).not.toHaveProperty('text');
    expect(result.fallbackText).toContain(DEMO_TENANT.agencyName);
  });

  it('blocks demographic descriptions of an area', async () => {
    const result = await guard.check({
      text: 'Yes it is a nice area, mostly white families.',
      now: NOON_AUSTIN,
    });
    expect(result).toMatchObject({ kind: 'block', escalate: true });
    expect(result.rules).toContain('fair_housing.demographics');
  });

  it('does not flag a sentence that declines to characterise an area', async () => {
    const text =
      "I can't say whether an area is safe, but here is the APD crime map: https://communitycrimemap.com";
    expect((await guard.check({ text, now: NOON_AUSTIN })).kind).toBe('allow');
  });

  it('lets an echoed question about safety pass but not a demographic question', async () => {
    const echoed = 'Is it a safe area? I cannot comment on that, but here is the APD crime map.';
    expect((await guard.check({ text: echoed, now: NOON_AUSTIN })).kind).toBe('allow');
    const baited = await guard.check({
      text: 'Are you looking for a mostly white neighborhood?',
      now: NOON_AUSTIN,
    });
    expect(baited).toMatchObject({ kind: 'block', escalate: true });
  });

  it('prepends the AI disclosure on first contact only, and never twice', async () => {
    const first = await guard.check({
      text: 'Hi! Are you looking to buy or sell?',
      firstContact: true,
      now: NOON_AUSTIN,
    });
    expect(first).toMatchObject({ kind: 'allow', rules: ['disclosure.ai'] });
    if (first.kind !== 'allow') return;
    expect(first.text).toBe(
      `${DEMO_TENANT.compliance.aiDisclosure.text} Hi! Are you looking to buy or sell?`,
    );
    const later = await guard.check({
      text: 'Hi! Are you looking to buy or sell?',
      now: NOON_AUSTIN,
    });
    expect(later.rules).toEqual([]);
    const already = await guard.check({
      text: "Hi, I'm Jorge's AI assistant. Buying or selling?",
      firstContact: true,
      now: NOON_AUSTIN,
    });
    expect(already.rules).toEqual([]);
  });

  it('adds the TREC IABS link at the first substantive contact for a Texas tenant', async () => {
    const greeting = await guard.check({
      text: 'Hi! Buying or selling?',
      firstContact: true,
      now: NOON_AUSTIN,
    });
    expect(greeting.rules).not.toContain('disclosure.trec_iabs');
    const substantive = await guard.check({
      text: 'The home on Oak St is listed at $450,000.',
      trecNoticeSent: false,
      now: NOON_AUSTIN,
    });
    expect(substantive.rules).toEqual(['disclosure.trec_iabs']);
    expect(substantive.kind !== 'block' && substantive.text).toContain(
      'https://www.trec.texas.gov/forms/information-about-brokerage-services',
    );
    const sent = await guard.check({
      text: 'It is listed at $450,000.',
      trecNoticeSent: true,
      firstContact: true,
      now: NOON_AUSTIN,
    });
    expect(sent.rules).not.toContain('disclosure.trec_iabs');
    const california = createComplianceGuard({
      tenant: buildTenant({
        market: { name: 'San Diego, CA', state: 'CA', areas: [], priceBands: [] },
      }),
    });
    const outOfState = await california.check({
      text: 'Listed at $450,000.',
      trecNoticeSent: false,
      now: NOON_AUSTIN,
    });
    expect(outOfState.rules).not.toContain('disclosure.trec_iabs');
  });

  it('adds a CAN-SPAM footer with postal address and unsubscribe to e-mails', async () => {
    const emailGuard = createComplianceGuard({
      contactInfo: {
        postalAddress: '100 Congress Ave, Austin, TX 78701',
        unsubscribeUrl: 'https://example.com/u',
      },
    });
    const result = await emailGuard.check({
      text: 'Here are 3 new listings.',
      channel: 'Email',
      now: Date.UTC(2026, 0, 6, 4),
    });
    expect(result.kind).toBe('allow');
    expect(result.rules).toEqual(['disclosure.can_spam']);
    if (result.kind !== 'allow') return;
    expect(result.text).toContain('100 Congress Ave, Austin, TX 78701');
    expect(result.text).toContain('unsubscribe here: https://example.com/u');
    expect(result.text).toContain(DEMO_TENANT.compliance.brokerage?.licenseNumber ?? 'missing');
  });

  it('defers a text at 11 pm local to 8 am the next morning in the lead time zone, never dropping it', async () => {
    const elevenPmAustin = Date.UTC(2026, 0, 7, 5, 0); // 23:00 CST on Jan 6
    const result = await guard.check({ text: 'New listing in Cedar Park!', now: elevenPmAustin });
    expect(result).toEqual({
      kind: 'defer',
      text: 'New listing in Cedar Park!',
      until: Date.UTC(2026, 0, 7, 14, 0),
      rules: ['quiet_hours'],
      findings: [],
    });
    const newYorker = buildContact({ timeZone: 'America/New_York' });
    const early = await guard.check({
      text: 'Morning!',
      now: Date.UTC(2026, 0, 7, 13, 30),
      contact: newYorker,
    });
    expect(early.kind).toBe('allow');
    const lateNewYork = await guard.check({
      text: 'Hi',
      now: Date.UTC(2026, 0, 7, 2, 30),
      contact: newYorker,
    });
    expect(lateNewYork).toMatchObject({ kind: 'defer', until: Date.UTC(2026, 0, 7, 13, 0) });
  });

  it('keeps the rewritten text when deferring, and uses the guard clock when no time is given', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 7, 4, 0)); // 22:00 Austin
    const clocked = createComplianceGuard({ clock });
    const result = await clocked.check({ text: 'Great schools nearby!' });
    expect(result.kind).toBe('defer');
    expect(result.rules).toEqual(['fair_housing.steering.schools', 'quiet_hours']);
    expect(result.kind === 'defer' && result.text).toMatch(/^Schools nearby!/);
  });

  it('does not apply quiet hours to e-mail or live chat', async () => {
    const midnight = Date.UTC(2026, 0, 7, 6, 0);
    expect((await guard.check({ text: 'Hello', channel: 'LiveChat', now: midnight })).kind).toBe(
      'allow',
    );
    expect((await guard.check({ text: 'Hello', channel: 'Email', now: midnight })).kind).toBe(
      'allow',
    );
  });

  it('blocks any send to a contact with DND on the channel or opted out, without a fallback', async () => {
    const dnd = buildContact({ dnd: { all: false, channels: ['SMS'] } });
    const result = await guard.check({ text: 'Hi', contact: dnd, now: NOON_AUSTIN });
    expect(result).toEqual({
      kind: 'block',
      rules: ['consent.dnd'],
      findings: [],
      escalate: false,
    });
    expect(
      (await guard.check({ text: 'Hi', channel: 'Email', contact: dnd, now: NOON_AUSTIN })).kind,
    ).toBe('allow');
    const optedOut = buildContact({ lifecycleStage: 'opted_out' });
    expect(
      (await guard.check({ text: 'Hi', channel: 'Email', contact: optedOut, now: NOON_AUSTIN }))
        .kind,
    ).toBe('block');
  });

  it('rewrites dated terms only when the tenant opts in to neutral terms', async () => {
    const styled = createComplianceGuard({ neutralTerms: true });
    const result = await styled.check({ text: 'The master bedroom has a view.', now: NOON_AUSTIN });
    expect(result).toMatchObject({
      kind: 'rewrite',
      text: 'The primary bedroom has a view.',
      rules: ['style.neutral_terms'],
    });
  });

  it('skips fair-housing rules when the tenant disables them but still checks advice', async () => {
    const tenant = buildTenant({ compliance: { fairHousing: { enabled: false } } });
    const relaxed = createComplianceGuard({ tenant });
    expect((await relaxed.check({ text: 'Perfect for families.', now: NOON_AUSTIN })).kind).toBe(
      'allow',
    );
    expect(
      (await relaxed.check({ text: "You'll definitely qualify.", now: NOON_AUSTIN })).kind,
    ).toBe('rewrite');
  });

  it('audits and emits blocks, rewrites and deferrals without the message text', async () => {
    const audit = createMemoryAuditLog();
    const events = createEventBus();
    const seen: EventMap['compliance.blocked'][] = [];
    events.on('compliance.blocked', (payload) => {
      seen.push(payload);
    });
    const audited = createComplianceGuard({ audit, events });
    const contact = buildContact({ tenantId: DEMO_TENANT.id });
    await audited.check({
      text: 'No kids allowed, sorry.',
      contact,
      now: NOON_AUSTIN,
      correlationId: 'msg-1',
    });
    await audited.check({ text: 'Hello there', contact, now: NOON_AUSTIN });
    const records = await audit.query({ tenantId: DEMO_TENANT.id });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      type: 'compliance.blocked',
      contactId: contact.id,
      correlationId: 'msg-1',
      data: { rules: ['fair_housing.preference'], escalate: true },
    });
    expect(JSON.stringify(records)).not.toContain('kids');
    expect(seen).toEqual([
      {
        tenantId: DEMO_TENANT.id,
        at: NOON_AUSTIN,
        contactId: contact.id,
        rules: ['fair_housing.preference'],
      },
    ]);
  });

  it('uses the tenant market areas as places for steering rules', async () => {
    const result = await guard.check({ text: 'Round Rock is very safe.', now: NOON_AUSTIN });
    expect(result.kind).toBe('rewrite');
    expect(result.rules).toEqual(['fair_housing.steering.safety']);
  });
});
