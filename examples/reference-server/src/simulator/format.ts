/**
 * Plain-text rendering of simulator results (stdout) and the progress bar (stderr).
 */
import type { LoadProgress, LoadSummary } from './load';
import type { TurnResult } from './replies';
import type { ConversationView } from './views';

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** A fact's value: facts are `{ value, confidence, … }` records or plain values. */
function factValue(fact: unknown): string | undefined {
  const value =
    typeof fact === 'object' && fact !== null && !Array.isArray(fact) && 'value' in fact
      ? fact.value
      : fact;
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => factValue(item) ?? '?').join('/');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The lines printed for one turn: what was sent, the reply, and the bot's decisions. */
export function formatTurn(turn: TurnResult, conversation?: ConversationView): string[] {
  const lines = [`→ ${turn.contactId}: ${turn.text}`];
  if (turn.webhook.status !== 'accepted') {
    lines.push(
      `  webhook answered ${turn.webhook.httpStatus} ${turn.webhook.status}${turn.webhook.message ? `: ${turn.webhook.message}` : ''}`,
    );
    return lines;
  }
  const botName = turn.reply?.bot ?? conversation?.bot;
  const bot = botName ? `${botName} bot` : 'bot';
  if (turn.reply) {
    lines.push(`← ${bot} (${seconds(turn.latencyMs ?? 0)}): ${turn.reply.text}`);
    const sent = turn.actions.some((action) => action.type === 'sendMessage');
    if (turn.actions.length > 0 && !sent) {
      lines.push(
        '  (delivery deferred by the compliance guard, e.g. quiet hours: the send is queued for later)',
      );
    }
  } else {
    lines.push(
      '← no reply in time (the contact may be paused, escalated, opted out, or the server in maintenance)',
    );
  }
  if (conversation) {
    const facts = Object.entries(conversation.facts)
      .map(([key, fact]) => [key, factValue(fact)] as const)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${value}`);
    const decisions = [
      conversation.stage ? `stage ${conversation.stage}` : undefined,
      conversation.score !== undefined
        ? `score ${conversation.score}/10${conversation.temperature ? ` ${conversation.temperature}` : ''}${conversation.reasons.length > 0 ? ` (${conversation.reasons.join(', ')})` : ''}`
        : undefined,
      conversation.paused ? 'paused' : undefined,
      conversation.escalated ? 'escalated to a human' : undefined,
    ].filter(Boolean);
    if (decisions.length > 0) lines.push(`  decisions: ${decisions.join(' · ')}`);
    const handoff = conversation.handoffs.filter((item) => item.at >= turn.sentAt - 1000).at(-1);
    if (handoff) {
      lines.push(
        `  handoff: ${handoff.from} → ${handoff.to}${handoff.reason ? ` (${handoff.reason})` : ''}`,
      );
    }
    if (facts.length > 0) lines.push(`  facts: ${facts.join(', ')}`);
  }
  const others = turn.actions.filter((action) => action.type !== 'sendMessage');
  if (others.length > 0) {
    lines.push(
      `  CRM actions: ${others.map((action) => `${action.type}${action.detail ? `(${action.detail})` : ''}`).join(' · ')}`,
    );
  }
  return lines;
}

/** A one-line progress bar (for a TTY, redrawn with `\r`). */
export function formatProgress(progress: LoadProgress, width = 24): string {
  const ratio = progress.leads === 0 ? 1 : progress.leadsDone / progress.leads;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progress.leadsDone}/${progress.leads} leads · ${progress.messages} messages · ${progress.replies} replies`;
}

/** The summary printed after `--leads N`. */
export function formatSummary(summary: LoadSummary): string[] {
  const rejected = Object.entries(summary.rejected);
  return [
    `Simulated ${summary.leads} leads (${summary.byKind.buyer} buyers, ${summary.byKind.seller} sellers, ${summary.byKind.mixed} both) in ${seconds(summary.durationMs)}`,
    `  messages sent:   ${summary.messages} (${summary.accepted} accepted${rejected.length > 0 ? `, ${rejected.map(([status, n]) => `${n} ${status}`).join(', ')}` : ''})`,
    `  replies:         ${summary.replies}${summary.noReply > 0 ? ` (${summary.noReply} without a reply in time)` : ''}`,
    summary.handoffs
      ? `  handoffs:        ${summary.handoffs.total} (${summary.handoffs.successful} successful, ${summary.handoffs.blocked} blocked)`
      : '  handoffs:        unknown (the server reported no handoff analytics)',
    `  webhook → reply: p50 ${seconds(summary.latencyMs.p50)} · p95 ${seconds(summary.latencyMs.p95)} · max ${seconds(summary.latencyMs.max)}`,
  ];
}
