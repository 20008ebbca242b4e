import { buildTenant } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates';
import { createTemplateRenderer } from './template-renderer';
import { fnv1a, pickVariant } from './variant-hash';

describe('pickVariant', () => {
  it('is stable per contact and experiment and splits contacts roughly evenly', () => {
    expect(pickVariant({ contactId: 'c_1', experiment: 'ask.budget', count: 2 })).toBe(
      pickVariant({ contactId: 'c_1', experiment: 'ask.budget', count: 2 }),
    );
    const variants = Array.from({ length: 2000 }, (_, index) =>
      pickVariant({ contactId: `contact-${index}`, experiment: 'ask.budget', count: 2 }),
    );
    expect(variants.filter((variant) => variant === 0).length).toBeGreaterThan(900);
    expect(variants.filter((variant) => variant === 1).length).toBeGreaterThan(900);
    expect(fnv1a('')).toBe(0x811c9dc5);
  });
});

describe('createTemplateRenderer', () => {
  it('renders the contact’s variant with the tenant’s agent and agency and records the use', () => {
    const tenant = buildTenant({
      agencyName: 'Hill Country Homes',
      agent: { name: 'Ana', voice: { tone: 'friendly' } },
    });
    const renderer = createTemplateRenderer({ tenant, contactId: 'c_42' });
    const rendered = renderer.render('lead.greeting', { firstName: 'Maria' });
    const index = rendered.variant === 'A' ? 0 : 1;
    expect(rendered.text).toBe(
      DEFAULT_TEMPLATES['lead.greeting'][index]
        .replace('{ firstName}', ' Maria')
        .replace('{agent}', 'Ana')
        .replace('{agency}', 'Hill Country Homes'),
    );
    expect(renderer.used).toEqual([{ key: 'lead.greeting', variant: rendered.variant }]);
  });

  it('drops optional placeholders cleanly when the value is missing', () => {
    const renderer = createTemplateRenderer({
      tenant: buildTenant(),
      contactId: 'c_1',
      overrides: { 'lead.greeting': ['Hi{ firstName}! Welcome.'] },
    });
    expect(renderer.render('lead.greeting').text).toBe('Hi! Welcome.');
    expect(renderer.render('lead.greeting', { firstName: 'Jo' }).text).toBe('Hi Jo! Welcome.');
  });

  it('applies the voice: professional drops exclamation marks, casual says hey, concise skips pleasantries', () => {
    const voice = (tone: 'professional' | 'casual' | 'concise') =>
      createTemplateRenderer({
        tenant: buildTenant({ agent: { name: 'Jorge', voice: { tone } } }),
        contactId: 'c_1',
        overrides: { 'lead.greeting': ['Hi there! Thanks.'] },
      });
    expect(voice('professional').render('lead.greeting').text).toBe('Hello there. Thanks.');
    expect(voice('casual').render('lead.greeting').text).toBe('Hey there! Thanks.');
    expect(voice('concise').render('buyer.intro').text).toBe('');
    expect(voice('professional').acknowledge(0)).toBe('Thank you.');
  });

  it('uses tenant overrides key by key and keeps the defaults for the rest', () => {
    const renderer = createTemplateRenderer({
      tenant: buildTenant(),
      contactId: 'c_1',
      overrides: { 'ask.budget': ['Budget?'] },
    });
    expect(renderer.render('ask.budget')).toMatchObject({ text: 'Budget?', variant: 'A' });
    expect(renderer.render('ask.bedrooms').text).toMatch(/bedrooms/);
  });
});
