import { describe, expect, it } from 'vitest';
import { allowConsole } from './console.js';
import { uniqueName } from './services.js';

describe('test hygiene', () => {
  it('gives each run a distinct schema name', () => {
    const a = uniqueName('it');
    const b = uniqueName('it');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^it_[a-z0-9]+_[0-9a-f]{8}$/);
  });

  it('records console writes so the setup file can fail the test', () => {
    const capture = allowConsole();
    console.log('hello');
    expect(capture.writes).toEqual(['console.log: hello']);
  });
});
