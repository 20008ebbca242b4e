/**
 * Your code under test: imports open-house sign-ins into GHL — upsert the contact, tag it, leave a note for
 * the agent — and reports per lead what happened, so one failure never loses the rest of the batch.
 */
import { toEnterpriseHubError, type ErrorCode } from '@enterprisehub/core';
import type { GhlClient } from '@enterprisehub/ghl';

/** One sign-in sheet row. */
export interface OpenHouseSignIn {
  /** Visitor's name. */
  name: string;
  /** Phone, E.164. */
  phone: string;
  /** Email, when given. */
  email?: string;
  /** Property address of the open house. */
  property: string;
}

/** What happened to one sign-in. */
export type SyncOutcome =
  | { status: 'created' | 'updated'; contactId: string }
  | { status: 'failed'; code: ErrorCode; retryable: boolean };

/** Pushes sign-ins to GHL one by one (the client paces them within the location's rate limit). */
export async function syncOpenHouseLeads(
  ghl: GhlClient,
  signIns: readonly OpenHouseSignIn[],
): Promise<SyncOutcome[]> {
  return Promise.all(
    signIns.map(async (signIn): Promise<SyncOutcome> => {
      try {
        const { contact, isNew } = await ghl.contacts.upsert({
          name: signIn.name,
          phone: signIn.phone,
          ...(signIn.email === undefined ? {} : { email: signIn.email }),
          source: 'open house',
        });
        await ghl.contacts.addTags(contact.id, ['open-house']);
        await ghl.contacts.addNote(contact.id, {
          body: `Signed in at the open house at ${signIn.property}.`,
        });
        return { status: isNew ? 'created' : 'updated', contactId: contact.id };
      } catch (error) {
        const hubError = toEnterpriseHubError(error);
        return { status: 'failed', code: hubError.code, retryable: hubError.retryable };
      }
    }),
  );
}
