import { DEMO_TENANT } from '@enterprisehub/core';
import { buildTenant } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { classifyInbound } from './classify-inbound';
import { createComplianceGuard } from './compliance-guard';

describe('classifyInbound', () => {
  it.each([
    'STOP',
    'stop',
    'Stop.',
    'STOP!!!',
    'Stop 🛑',
    'Stop texting me',
    'please stop',
    'STOPALL',
    'stop all',
    'UNSUBSCRIBE',
    'how do I unsubscribe?',
    'CANCEL',
    'END',
    'QUIT',
    'opt out',
    'remove me',
    'Remove me from your list',
    'Not interested. STOP',
    "don't text me anymore",
    'wrong number',
  ])('treats %j as an opt-out with the single brand-prefixed confirmation', (text) => {
    const result = classifyInbound(text);
    expect(result.kind).toBe('opt_out');
    if (result.kind !== 'opt_out') return;
    expect(result.confirmation).toBe(
      `${DEMO_TENANT.agencyName}: ${DEMO_TENANT.compliance.consent.optOutConfirmation}`,
    );
  });

  it.each([
    'Can I stop by the house tomorrow?',
    "I can't stop thinking about that house",
    'I need to cancel my showing on Friday',
    'End of the month works for me',
    'I quit my job and I am moving to Austin',
    'The bus stop is right outside',
    "Don't text me after 9pm please",
    'Can you help me find a house in Round Rock?',
  ])('does not treat %j as an opt-out', (text) => {
    expect(classifyInbound(text).kind).not.toBe('opt_out');
  });

  it('uses tenant-specific opt-out keywords', () => {
    const tenant = buildTenant({ compliance: { consent: { optOutKeywords: ['BASTA'] } } });
    expect(classifyInbound('basta', { tenant }).kind).toBe('opt_out');
  });

  it('answers HELP with the agency contact', () => {
    const result = createComplianceGuard({
      contactInfo: { phone: '(512) 555-0100' },
    }).classifyInbound('HELP');
    expect(result).toEqual({
      kind: 'help',
      reply: `${DEMO_TENANT.agencyName} (Jorge's team): for help, reply here or call (512) 555-0100. Msg & data rates may apply. Reply STOP to opt out.`,
    });
  });

  it('recognises START as an opt-in', () => {
    expect(classifyInbound('START')).toMatchObject({ kind: 'opt_in', keyword: 'start' });
  });

  it.each([
    'I want to talk to a real person',
    'Can I speak to Jorge?',
    'have someone call me',
    'agent please',
  ])('escalates %j as a human request', (text) => {
    expect(classifyInbound(text)).toEqual({ kind: 'escalate', reason: 'human_requested' });
  });

  it.each(['this is a scam', 'wtf is this', 'you are useless', "I'm sick of these texts"])(
    'escalates %j as anger',
    (text) => {
      expect(classifyInbound(text)).toEqual({ kind: 'escalate', reason: 'anger' });
    },
  );

  it('lets an opt-out win over anger', () => {
    expect(classifyInbound('Stop texting me, this is harassment').kind).toBe('opt_out');
  });

  it('escalates repeated confusion but only signals a single one', () => {
    expect(classifyInbound('what do you mean?')).toEqual({ kind: 'none', signals: ['confusion'] });
    expect(classifyInbound("I don't understand", { history: ['huh?', '3 beds'] })).toEqual({
      kind: 'escalate',
      reason: 'repeated_confusion',
    });
    expect(classifyInbound("I don't understand", { history: ['huh?', 'a', 'b', 'c'] }).kind).toBe(
      'none',
    );
  });

  it('signals a question about talking to a bot without escalating', () => {
    expect(classifyInbound('are you a bot?')).toEqual({ kind: 'none', signals: ['bot_question'] });
  });
});
