import { describe, it } from 'vitest';
import { createMemoryCache } from '../memory/memory-cache';
import { cacheContract } from '../testing/contracts/cache-contract';
import { runContractCase } from '../testing/contracts/contract-suite';
import { ManualClock } from '../testing/manual-clock';
import { createTieredCache } from './tiered-cache';

const variants = [
  { name: 'L1 only', make: (clock: ManualClock) => createTieredCache({ clock }) },
  { name: 'L1 + memory L2', make: (clock: ManualClock) => createTieredCache({ clock, l2: createMemoryCache({ clock }) }) },
  {
    name: 'tiny L1 + memory L2 (reads fall through to L2)',
    make: (clock: ManualClock) => createTieredCache({ clock, l1: { maxEntries: 1 }, l2: createMemoryCache({ clock }) }),
  },
];

describe.each(variants)('Cache contract (TieredCache, $name)', ({ make }) => {
  it.each(cacheContract.cases)('$name', async (testCase) => {
    const clock = new ManualClock();
    await runContractCase(testCase, { clock, create: async () => make(clock) });
  });
});
