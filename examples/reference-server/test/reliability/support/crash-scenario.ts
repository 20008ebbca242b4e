/**
 * The crash-safety scenario shared by the embedded and production variants: stream signed webhooks from many leads,
 * `kill -9` the server mid-stream, restart it on the same data, let "GHL" retry what was not answered 200 and
 * redeliver what was, then check every message answered 200 was processed exactly once.
 */
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import type { ConversationStore, Outbox } from '@enterprisehub/core';
import { startChildServer, type ChildServer } from './child-server';
import { send, waitUntil } from './http';
import { TENANT_A, TENANT_B } from './tenants';

/** One webhook the stream sent and what happened to it. */
export interface StreamedMessage {
  tenantId: string;
  locationId: string;
  contactId: string;
  messageId: string;
  rawBody: string;
  headers: Record<string, string>;
  /** Answers received over all attempts (`accepted`, `duplicate`, or `error:<status|network>`). */
  answers: string[];
}

/** Read access to the stores after the run. */
export interface StoreView {
  outbox: Outbox;
  conversations: ConversationStore;
  close(): Promise<void>;
}

/** What the scenario measured, for assertions and the report. */
export interface CrashReport {
  messages: StreamedMessage[];
  acceptedBeforeCrash: number;
  failedAtCrash: number;
  /** Messages answered 200 at least once, with no reply in the outbox. */
  lost: string[];
  /** Messages with more than one inbound copy in the conversation or more replies than planned. */
  duplicated: string[];
  /** Redeliveries of already-accepted messages that were answered `accepted` again (should be `duplicate`). */
  reacceptedRedeliveries: number;
}

const LINES = [
  'Hi, I want to buy a 3 bed in Round Rock under 450k',
  'We are pre-approved, looking to move in 2 months',
  'Do you have anything in Cedar Park with a yard?',
  'Can we see a house this weekend?',
];

/** Builds `leads × perLead` signed InboundMessage webhooks, alternating tenants A and B. */
export function buildMessages(leads: number, perLead: number): StreamedMessage[] {
  const run = Math.random().toString(36).slice(2, 8);
  const messages: StreamedMessage[] = [];
  for (let lead = 0; lead < leads; lead += 1) {
    const tenant = lead % 2 === 0 ? TENANT_A : TENANT_B;
    for (let index = 0; index < perLead; index += 1) {
      const contactId = `crash-${run}-${lead}`;
      const messageId = `m-${run}-${lead}-${index}`;
      const event = buildWebhookEvent('InboundMessage', {
        locationId: tenant.locationId,
        contactId,
        conversationId: `conv-${run}-${lead}`,
        messageId,
        body: LINES[index % LINES.length],
        messageType: 'SMS',
        direction: 'inbound',
      });
      const { rawBody, headers } = signWebhookPayload(event);
      messages.push({
        tenantId: tenant.id,
        locationId: tenant.locationId,
        contactId,
        messageId,
        rawBody,
        headers,
        answers: [],
      });
    }
  }
  return messages;
}

/** POSTs one webhook and records the answer. */
export async function deliver(baseUrl: string, message: StreamedMessage): Promise<string> {
  try {
    const answer = await send(`${baseUrl}/webhooks/ghl`, {
      method: 'POST',
      body: message.rawBody,
      headers: message.headers,
    });
    const status =
      answer.status === 200
        ? String((answer.json as { status?: string }).status)
        : `error:${answer.status}`;
    message.answers.push(status);
    return status;
  } catch {
    message.answers.push('error:network');
    return 'error:network';
  }
}

/** Whether GHL got a 200 for this message at least once. */
export const answered200 = (message: StreamedMessage) =>
  message.answers.some((answer) => answer === 'accepted' || answer === 'duplicate');

/** Streams each lead's messages in order (leads in parallel) until `stop()` is true. */
export async function stream(
  baseUrl: string,
  messages: StreamedMessage[],
  options: { stop?: () => boolean; pauseMs?: number } = {},
): Promise<void> {
  const stop = options.stop ?? (() => false);
  const pauseMs = options.pauseMs ?? 15;
  const byLead = new Map<string, StreamedMessage[]>();
  for (const message of messages) {
    const list = byLead.get(message.contactId) ?? [];
    list.push(message);
    byLead.set(message.contactId, list);
  }
  await Promise.all(
    [...byLead.values()].map(async (lead) => {
      for (const message of lead) {
        if (stop()) return;
        await deliver(baseUrl, message);
        await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
      }
    }),
  );
}

/** Whether `/ready` reports no waiting jobs. */
export async function queueIsIdle(baseUrl: string): Promise<boolean> {
  try {
    const ready = await send(`${baseUrl}/ready`);
    const report = ready.json as {
      dependencies?: { name: string; detail?: Record<string, unknown> }[];
    };
    const queue = report.dependencies?.find((dependency) => dependency.name === 'queue');
    return queue?.detail?.['waiting'] === 0;
  } catch {
    return false;
  }
}

/**
 * Runs the scenario. `openStores` is called after the final graceful stop (embedded: PGlite is single-process) or
 * while the server runs (production), and must give read access to the same data.
 */
export async function runCrashScenario(options: {
  env: Record<string, string>;
  openStores: () => Promise<StoreView>;
  leads?: number;
  perLead?: number;
  /** Crash once this many webhooks were answered 200. */
  crashAfterAccepted?: number;
  /** Processing deadline after the restart. @defaultValue 120000 */
  settleMs?: number;
  /**
   * The queue is not judged drained before this long after the restart: jobs lost by the crash are enqueued again
   * by the inbox replay only once its grace period has passed (set `INBOX_REPLAY_GRACE_MS` accordingly).
   * @defaultValue 0
   */
  minSettleMs?: number;
  log?: (line: string) => void;
}): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const messages = buildMessages(options.leads ?? 24, options.perLead ?? 4);
  const crashAfter = options.crashAfterAccepted ?? Math.floor(messages.length * 0.4);

  const first: ChildServer = await startChildServer({ env: options.env });
  let crashed = false;
  const firstUrl = first.baseUrl ?? '';
  const streaming = stream(firstUrl, messages, { stop: () => crashed });
  await waitUntil(() => messages.filter(answered200).length >= crashAfter, {
    timeoutMs: 120_000,
    intervalMs: 5,
    what: `${crashAfter} accepted webhooks`,
  });
  // kill -9 while requests are in flight: no drain, no shutdown hooks.
  await first.crash();
  crashed = true;
  await streaming;
  const acceptedBeforeCrash = messages.filter(answered200).length;
  const failedAtCrash = messages.filter(
    (message) => message.answers.length > 0 && !answered200(message),
  ).length;
  log(`crashed after ${acceptedBeforeCrash} accepted, ${failedAtCrash} failed in flight`);

  const second = await startChildServer({ env: options.env });
  const restartedAt = Date.now();
  const url = second.baseUrl ?? '';
  try {
    // GHL retries what it did not get a 200 for, redelivers some it did, and keeps sending new messages.
    const acceptedIds = new Set(messages.filter(answered200).map((message) => message.messageId));
    for (const message of messages) {
      if (!answered200(message) && message.answers.length > 0) await deliver(url, message);
    }
    let reacceptedRedeliveries = 0;
    for (const message of messages.filter((candidate) => acceptedIds.has(candidate.messageId))) {
      if ((await deliver(url, message)) === 'accepted') reacceptedRedeliveries += 1;
    }
    await stream(
      url,
      messages.filter((message) => message.answers.length === 0),
    );
    // Anything still unanswered (a retry that failed) is retried once more, as GHL would.
    for (const message of messages.filter((candidate) => !answered200(candidate)))
      await deliver(url, message);

    const settleMs = options.settleMs ?? 120_000;
    let idleStreak = 0;
    await waitUntil(
      async () => {
        idleStreak = (await queueIsIdle(url)) ? idleStreak + 1 : 0;
        return idleStreak >= 4 && Date.now() - restartedAt >= (options.minSettleMs ?? 0);
      },
      { timeoutMs: settleMs, intervalMs: 500, what: 'the queue to drain' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await second.stop();

    const stores = await options.openStores();
    try {
      const { lost, duplicated } = await checkExactlyOnce(messages, stores);
      return {
        messages,
        acceptedBeforeCrash,
        failedAtCrash,
        lost,
        duplicated,
        reacceptedRedeliveries,
      };
    } finally {
      await stores.close();
    }
  } finally {
    await second.crash();
  }
}

/** For every message answered 200: a reply in the outbox and one inbound copy in the conversation, none twice. */
export async function checkExactlyOnce(
  messages: StreamedMessage[],
  stores: StoreView,
): Promise<{ lost: string[]; duplicated: string[] }> {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const conversations = new Map<string, Awaited<ReturnType<ConversationStore['get']>>>();
  for (const message of messages.filter(answered200)) {
    const key = `${message.tenantId}/${message.contactId}`;
    if (!conversations.has(key))
      conversations.set(
        key,
        await stores.conversations.get({
          tenantId: message.tenantId,
          contactId: message.contactId,
        }),
      );
    const entries = await stores.outbox.list({
      tenantId: message.tenantId,
      contactId: message.contactId,
      limit: 1_000,
    });
    const replies = entries.filter(
      (entry) =>
        entry.action.type === 'sendMessage' &&
        entry.action.idempotencyKey.includes(`:msg:${message.messageId}:`),
    );
    const state = conversations.get(key);
    const inboundCopies =
      state?.messages.filter((item) => item.id === message.messageId).length ?? 0;
    const outboundCopies =
      state?.messages.filter((item) => item.id.startsWith(`out:msg:${message.messageId}`)).length ??
      0;
    if (replies.length === 0 || inboundCopies === 0) lost.push(message.messageId);
    if (inboundCopies > 1 || (outboundCopies > 0 && replies.length !== outboundCopies))
      duplicated.push(message.messageId);
    // A second full turn for the same message would append a second, differently keyed reply.
    const keys = new Set(replies.map((entry) => entry.action.idempotencyKey));
    if (keys.size !== replies.length) duplicated.push(message.messageId);
  }
  return { lost, duplicated };
}
