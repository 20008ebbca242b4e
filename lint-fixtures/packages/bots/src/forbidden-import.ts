// Lint fixture: bots must not import the GHL package directly (ARCHITECTURE.md). Linted by test-support/lint.test.ts.
import * as ghl from '@enterprisehub/ghl';

export const ghlModule: object = ghl;
