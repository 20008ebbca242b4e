/**
 * Tolerant readers for the admin API's JSON (conversations, outbox, handoff analytics): they accept epoch ms or ISO
 * timestamps and the field spellings of the admin API contract, and ignore what they do not know.
 */

/** One CRM action recorded in the outbox. */
export interface OutboxItem {
  id: string;
  contactId: string;
  status: string;
  type: string;
  /** Message text of a `sendMessage` action. */
  body?: string;
  /** Short description of any other action (tags, stage, workflow …). */
  detail?: string;
  createdAt: number;
}

/** One message of a conversation. */
export interface ConversationMessage {
  direction: 'inbound' | 'outbound';
  text: string;
  at: number;
  bot?: string;
}

/** The parts of `GET /api/v1/conversations/:contactId` the simulator prints. */
export interface ConversationView {
  bot?: string;
  stage?: string;
  score?: number;
  temperature?: string;
  reasons: string[];
  facts: Record<string, unknown>;
  messages: ConversationMessage[];
  handoffs: { from: string; to: string; at: number; reason?: string }[];
  paused: boolean;
  escalated: boolean;
}

/** Handoff totals of `GET /api/v1/handoffs/analytics`. */
export interface HandoffTotals {
  total: number;
  successful: number;
  blocked: number;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Epoch ms from a number or an ISO string; 0 when absent. */
export function toMillis(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
}

function describeAction(action: Json): string | undefined {
  const tags = Array.isArray(action['tags'])
    ? action['tags'].filter((tag) => typeof tag === 'string')
    : [];
  if (tags.length > 0) return tags.join(', ');
  const stage = str(action['stage']);
  if (stage) return str(action['name']) ? `${str(action['name'])} → ${stage}` : stage;
  const workflow = str(action['workflow']);
  if (workflow) return workflow;
  if (isRecord(action['fields'])) return Object.keys(action['fields']).join(', ');
  if (typeof action['enabled'] === 'boolean') return action['enabled'] ? 'on' : 'off';
  const title = str(action['title']);
  if (title) return `${title} ${str(action['startTime']) ?? ''}`.trim();
  return undefined;
}

/** Reads one outbox item; `undefined` when it lacks an id. */
export function readOutboxItem(value: unknown): OutboxItem | undefined {
  if (!isRecord(value)) return undefined;
  const id = str(value['id']);
  if (!id) return undefined;
  const action = isRecord(value['action']) ? value['action'] : {};
  const type = str(action['type']) ?? str(value['type']) ?? 'unknown';
  const body = type === 'sendMessage' || type === 'addNote' ? str(action['body']) : undefined;
  const detail = describeAction(action);
  return {
    id,
    contactId: str(value['contactId']) ?? str(action['contactId']) ?? '',
    status: str(value['status']) ?? 'unknown',
    type,
    ...(body !== undefined ? { body } : {}),
    ...(detail !== undefined ? { detail } : {}),
    createdAt: toMillis(value['createdAt']),
  };
}

/** Reads `{ items: [...] }` (or a bare array) of outbox items. */
export function readOutbox(value: unknown): OutboxItem[] {
  const items = isRecord(value) && Array.isArray(value['items']) ? value['items'] : value;
  if (!Array.isArray(items)) return [];
  return items.map(readOutboxItem).filter((item): item is OutboxItem => item !== undefined);
}

function readMessage(value: unknown): ConversationMessage | undefined {
  if (!isRecord(value)) return undefined;
  const direction = value['direction'];
  if (direction !== 'inbound' && direction !== 'outbound') return undefined;
  const bot = str(value['bot']);
  return {
    direction,
    text: str(value['body']) ?? str(value['text']) ?? '',
    at: toMillis(value['createdAt'] ?? value['at']),
    ...(bot ? { bot } : {}),
  };
}

/** Reads a conversation detail (the body itself or `{ conversation: … }`). */
export function readConversation(value: unknown): ConversationView {
  const root = isRecord(value) && isRecord(value['conversation']) ? value['conversation'] : value;
  const record = isRecord(root) ? root : {};
  const score = record['score'];
  // `score` is a number (with `scoreDetail` beside it) or the score object itself.
  const scoreRecord = isRecord(score)
    ? score
    : isRecord(record['scoreDetail'])
      ? record['scoreDetail']
      : {};
  const reasons = Array.isArray(scoreRecord['reasons'])
    ? scoreRecord['reasons'].filter((reason): reason is string => typeof reason === 'string')
    : [];
  const messages = Array.isArray(record['messages'])
    ? record['messages'].map(readMessage).filter((m): m is ConversationMessage => m !== undefined)
    : [];
  const handoffs = (Array.isArray(record['handoffs']) ? record['handoffs'] : [])
    .filter(isRecord)
    .map((handoff) => ({
      from: str(handoff['from']) ?? '?',
      to: str(handoff['to']) ?? '?',
      at: toMillis(handoff['at']),
      ...(str(handoff['reason']) ? { reason: str(handoff['reason']) } : {}),
    }));
  const bot = str(record['activeBot']) ?? str(record['bot']);
  const stage = str(record['stage']);
  const value_ = num(scoreRecord['value']) ?? num(score);
  const temperature = str(scoreRecord['temperature']) ?? str(record['temperature']);
  return {
    ...(bot ? { bot } : {}),
    ...(stage ? { stage } : {}),
    ...(value_ !== undefined ? { score: value_ } : {}),
    ...(temperature ? { temperature } : {}),
    reasons,
    facts: isRecord(record['facts']) ? record['facts'] : {},
    messages,
    handoffs,
    paused: record['paused'] === true,
    escalated: record['escalated'] === true,
  };
}

/** Reads the handoff analytics totals. */
export function readHandoffTotals(value: unknown): HandoffTotals {
  const record = isRecord(value) ? value : {};
  return {
    total: num(record['total']) ?? 0,
    successful: num(record['successful']) ?? 0,
    blocked: num(record['blocked']) ?? 0,
  };
}
