// EnterpriseHub dashboard: plain ES module, no dependencies, no CDN. Reads the admin API (/api/v1) with a one-hour
// JWT obtained from an admin key (POST /api/v1/auth/token) and kept in sessionStorage. Every value from the API is
// put into the page with textContent / SVG attributes, never as HTML.

const TOKEN_KEY = 'enterprisehub.dashboard.token';
const FAST_MS = 5_000; // conversations
const SLOW_MS = 15_000; // metrics, alerts, outbox (the admin API allows 100 requests a minute per key)
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const state = { tenantId: '', timers: [], pausedUntil: 0 };

// ---------- session ----------

function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null');
    if (
      session &&
      typeof session.token === 'string' &&
      Date.parse(session.expiresAt) > Date.now() + 10_000
    ) {
      return session;
    }
  } catch {
    // ignore a corrupt entry
  }
  sessionStorage.removeItem(TOKEN_KEY);
  return null;
}

async function login(apiKey) {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).`);
  }
  const expiresAt =
    typeof body.expiresAt === 'number' ? new Date(body.expiresAt).toISOString() : body.expiresAt;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: body.token, expiresAt }));
}

function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  for (const timer of state.timers) clearInterval(timer);
  state.timers = [];
  showLogin(message);
}

class ApiError extends Error {}

async function api(path, { method = 'GET', query = {}, body } = {}) {
  const session = loadSession();
  if (!session) {
    logout('Your session expired. Sign in again.');
    throw new ApiError('signed out');
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const url = `/api/v1${path}${search.size ? `?${search}` : ''}`;
  const headers = { authorization: `Bearer ${session.token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    logout('Your session expired. Sign in again.');
    throw new ApiError('unauthorised');
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after')) || 30;
    state.pausedUntil = Date.now() + seconds * 1000;
    banner(`Rate limited by the admin API; refreshing again in ${seconds} s.`);
    throw new ApiError('rate limited');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw new ApiError(
      json?.error?.message ?? `${method} ${path} failed (HTTP ${response.status})`,
    );
  return json;
}

// ---------- DOM helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes))
    if (value !== undefined) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function banner(message, kind = 'warn') {
  const node = $('banner');
  node.textContent = message ?? '';
  node.className = `banner ${kind === 'error' ? 'error' : ''}`;
  node.hidden = !message;
}

const toMillis = (value) =>
  typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;

function ago(value) {
  const ms = toMillis(value);
  if (!Number.isFinite(ms)) return '';
  const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h ago`;
  return new Date(ms).toLocaleDateString();
}

const usd = (value) => `$${Number(value ?? 0).toFixed(value >= 100 ? 0 : 2)}`;
const badge = (text, kind = text) => el('span', { class: `badge ${kind ?? ''}`, text });
const stat = (value, label) =>
  el(
    'div',
    { class: 'stat' },
    el('div', { class: 'value', text: value }),
    el('div', { class: 'label', text: label }),
  );

function fillRows(tbody, rows, columns, emptyText) {
  tbody.replaceChildren(
    ...(rows.length
      ? rows
      : [el('tr', { class: 'empty' }, el('td', { colspan: columns, text: emptyText }))]),
  );
}

function emptyChart(container, text) {
  const chart = svg('svg', { viewBox: '0 0 400 40', role: 'img' });
  chart.append(svg('text', { x: 0, y: 24, class: 'empty' }, text));
  container.replaceChildren(chart);
}

// ---------- panels ----------

async function refreshConversations() {
  const body = await api('/conversations', { query: { tenantId: state.tenantId, limit: 50 } });
  const items = body?.items ?? [];
  fillRows(
    $('conversations'),
    items.map((item) => {
      const last = item.lastMessage;
      return el(
        'tr',
        { 'data-contact-id': item.contactId },
        el('td', {}, el('code', { text: item.contactId })),
        el('td', { text: item.tenantId }),
        el('td', { text: item.bot ?? item.activeBot ?? '' }),
        el(
          'td',
          {},
          badge(item.stage ?? '', 'info'),
          item.paused ? badge('paused', 'warning') : null,
          item.escalated ? badge('escalated', 'critical') : null,
        ),
        el(
          'td',
          {},
          item.score == null ? '–' : `${item.score}/10 `,
          item.temperature ? badge(item.temperature) : null,
        ),
        el('td', {
          class: 'text',
          title: last?.text ?? '',
          text: last ? `${last.direction === 'inbound' ? '→' : '←'} ${last.text}` : '',
        }),
        el('td', { class: 'muted', text: ago(item.updatedAt) }),
      );
    }),
    7,
    'No conversations yet. Send one with ./dev simulate "I want to buy a 3 bed in Round Rock under 450k".',
  );
}

function renderSla(rows) {
  const container = $('sla');
  const all = rows ?? [];
  const sla = all.filter((row) => row.count > 0);
  if (sla.length === 0) return emptyChart(container, 'No bot operations measured yet.');
  const rowHeight = 44;
  const left = 150;
  const width = 460;
  const max = Math.max(
    1,
    ...sla.flatMap((row) => [row.p99 ?? 0, row.target?.p99 ?? 0, row.target?.p95 ?? 0]),
  );
  const scale = (value) => ((width - left - 60) * (value ?? 0)) / max;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${sla.length * rowHeight + 24}`,
    role: 'img',
    'aria-label': 'SLA latency per bot',
  });
  sla.forEach((row, index) => {
    const y = index * rowHeight + 4;
    const label = `${row.bot} · ${row.operation}`;
    chart.append(svg('text', { x: 0, y: y + 14 }, label));
    chart.append(
      svg(
        'text',
        { x: 0, y: y + 28, class: 'legend' },
        `${row.count ?? 0} samples ${row.compliant === false ? '· over target' : ''}`,
      ),
    );
    ['p50', 'p95', 'p99'].forEach((key, bar) => {
      const value = row[key] ?? 0;
      const target = row.target?.[key];
      const over = target !== undefined && value > target;
      const rect = svg('rect', {
        x: left,
        y: y + bar * 12,
        width: Math.max(1, scale(value)),
        height: 10,
        class: over ? 'over' : key,
      });
      rect.append(
        svg(
          'title',
          {},
          `${key.toUpperCase()} ${Math.round(value)} ms (target ${target ?? '–'} ms)`,
        ),
      );
      chart.append(rect);
      chart.append(
        svg(
          'text',
          { x: left + scale(value) + 4, y: y + bar * 12 + 9, class: 'legend' },
          `${key} ${Math.round(value)}`,
        ),
      );
      if (target !== undefined) {
        chart.append(
          svg('line', {
            x1: left + scale(target),
            x2: left + scale(target),
            y1: y + bar * 12 - 1,
            y2: y + bar * 12 + 11,
            class: 'target',
          }),
        );
      }
    });
  });
  const legendY = sla.length * rowHeight + 18;
  chart.append(
    svg('line', { x1: left, x2: left + 14, y1: legendY - 4, y2: legendY - 4, class: 'target' }),
  );
  chart.append(
    svg(
      'text',
      { x: left + 18, y: legendY, class: 'legend' },
      `target · red = over${all.length > sla.length ? ` · ${all.length - sla.length} hidden (no samples)` : ''}`,
    ),
  );
  container.replaceChildren(chart);
}

function renderBars(container, entries, { unit = '', limits = [], empty }) {
  if (entries.length === 0) return emptyChart(container, empty);
  const width = 560;
  const height = 150;
  const bottom = 124;
  const max = Math.max(
    1e-9,
    ...entries.map((entry) => entry.value),
    ...limits.map((limit) => limit.value),
  );
  const slot = (width - 40) / entries.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  chart.append(svg('line', { x1: 30, x2: width, y1: bottom, y2: bottom, class: 'axis' }));
  entries.forEach((entry, index) => {
    const h = ((bottom - 10) * entry.value) / max;
    const x = 34 + index * slot;
    const rect = svg('rect', {
      x,
      y: bottom - h,
      width: Math.max(2, slot - 6),
      height: Math.max(0, h),
      class: entry.bad ? 'bar-bad' : 'bar',
    });
    rect.append(svg('title', {}, `${entry.label}: ${entry.display ?? entry.value}${unit}`));
    chart.append(rect);
    if (entries.length <= 12 || index % Math.ceil(entries.length / 12) === 0) {
      chart.append(svg('text', { x, y: bottom + 14 }, entry.label));
    }
  });
  for (const limit of limits) {
    const y = bottom - ((bottom - 10) * limit.value) / max;
    chart.append(svg('line', { x1: 30, x2: width, y1: y, y2: y, class: limit.className }));
    chart.append(
      svg('text', { x: width - 4, y: y - 3, 'text-anchor': 'end', class: 'legend' }, limit.label),
    );
  }
  container.replaceChildren(chart);
}

function renderHandoffs(handoffs) {
  const data = handoffs ?? {};
  const rate =
    typeof data.successRate === 'number'
      ? `${Math.round(data.successRate * (data.successRate <= 1 ? 100 : 1))}%`
      : '–';
  $('handoff-stats').replaceChildren(
    stat(String(data.total ?? 0), 'handoffs'),
    stat(String(data.successful ?? 0), 'successful'),
    stat(String(data.blocked ?? 0), 'blocked'),
    stat(rate, 'success rate'),
  );
  const flows = data.flows ?? [];
  const container = $('handoff-flows');
  if (flows.length === 0) emptyChart(container, 'No handoffs yet.');
  else {
    const bots = ['lead', 'buyer', 'seller'];
    const x = { lead: 60, buyer: 280, seller: 500 };
    const chart = svg('svg', {
      viewBox: '0 0 560 150',
      role: 'img',
      'aria-label': 'Handoff flows',
    });
    const max = Math.max(1, ...flows.map((flow) => flow.count));
    flows.forEach((flow, index) => {
      const x1 = x[flow.from] ?? 60;
      const x2 = x[flow.to] ?? 500;
      const lift = 30 + (index % 3) * 22;
      const up = x1 < x2 ? -1 : 1;
      const path = svg('path', {
        d: `M ${x1} 90 Q ${(x1 + x2) / 2} ${90 + up * lift * 1.6} ${x2} 90`,
        class: 'flow',
        'stroke-width': 1 + (5 * flow.count) / max,
        'marker-end': 'url(#arrow)',
      });
      path.append(svg('title', {}, `${flow.from} → ${flow.to}: ${flow.count}`));
      chart.append(path);
      chart.append(
        svg(
          'text',
          {
            x: (x1 + x2) / 2,
            y: 90 + up * (lift * 0.8 + 8) + (up > 0 ? 8 : 0),
            'text-anchor': 'middle',
          },
          `${flow.from} → ${flow.to}: ${flow.count}`,
        ),
      );
    });
    const defs = svg('defs');
    const marker = svg('marker', {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 6,
      markerHeight: 6,
      orient: 'auto',
    });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'flow-head' }));
    defs.append(marker);
    chart.prepend(defs);
    for (const bot of bots) {
      chart.append(
        svg('rect', { x: x[bot] - 40, y: 78, width: 80, height: 24, rx: 12, class: 'node' }),
      );
      chart.append(svg('text', { x: x[bot], y: 94, 'text-anchor': 'middle' }, bot));
    }
    container.replaceChildren(chart);
  }
  const reasons = Object.entries(data.blockedByReason ?? {}).filter(([, count]) => count > 0);
  renderBars(
    $('handoff-blocked'),
    reasons.map(([reason, count]) => ({ label: reason, value: count, bad: true })),
    {
      empty: 'No blocked handoffs.',
    },
  );
}

function renderCost(cost) {
  const data = cost ?? {};
  const limits = data.limits ?? {};
  const stateName = data.state ?? 'normal';
  const badgeNode = $('cost-state');
  badgeNode.textContent = stateName;
  badgeNode.className = `badge ${stateName}`;
  $('cost-stats').replaceChildren(
    stat(usd(data.lastHourUsd), 'last hour'),
    stat(usd(limits.degradeUsdPerHour), 'degrade at / h'),
    stat(usd(limits.stopUsdPerHour), 'stop at / h'),
  );
  const hours = (data.perHour ?? []).map((entry) => {
    const at = toMillis(entry.hour);
    return {
      label: Number.isFinite(at)
        ? `${String(new Date(at).getHours()).padStart(2, '0')}h`
        : String(entry.hour),
      value: entry.usd ?? 0,
      display: usd(entry.usd),
      bad: limits.degradeUsdPerHour !== undefined && entry.usd >= limits.degradeUsdPerHour,
    };
  });
  const lines = [];
  if (limits.degradeUsdPerHour)
    lines.push({
      value: limits.degradeUsdPerHour,
      label: `degrade ${usd(limits.degradeUsdPerHour)}`,
      className: 'limit-degrade',
    });
  if (limits.stopUsdPerHour)
    lines.push({
      value: limits.stopUsdPerHour,
      label: `stop ${usd(limits.stopUsdPerHour)}`,
      className: 'limit-stop',
    });
  renderBars($('cost-hours'), hours, {
    limits: lines,
    empty: 'No LLM spend recorded (rules engine only).',
  });
  renderBars(
    $('cost-tenants'),
    (data.perTenant ?? []).map((entry) => ({
      label: entry.tenantId,
      value: entry.usd ?? 0,
      display: usd(entry.usd),
    })),
    { empty: 'No spend per tenant yet.' },
  );
}

function renderCache(cache, queue) {
  const data = cache ?? {};
  const lookups = (data.hits ?? 0) + (data.misses ?? 0);
  const rate = typeof data.hitRate === 'number' ? data.hitRate : lookups ? data.hits / lookups : 0;
  const chart = svg('svg', { viewBox: '0 0 400 130', role: 'img', 'aria-label': 'Cache hit rate' });
  const radius = 48;
  const circumference = 2 * Math.PI * radius;
  chart.append(svg('circle', { cx: 65, cy: 65, r: radius, class: 'ring-bg' }));
  chart.append(
    svg('circle', {
      cx: 65,
      cy: 65,
      r: radius,
      class: `ring ${lookups > 0 && rate < 0.5 ? 'low' : ''}`,
      'stroke-dasharray': `${circumference * rate} ${circumference}`,
      transform: 'rotate(-90 65 65)',
    }),
  );
  chart.append(
    svg(
      'text',
      { x: 65, y: 70, 'text-anchor': 'middle', 'font-size': 18 },
      lookups ? `${Math.round(rate * 100)}%` : '–',
    ),
  );
  chart.append(svg('text', { x: 140, y: 50 }, `hit rate (alert below 50%)`));
  chart.append(
    svg(
      'text',
      { x: 140, y: 72, class: 'legend' },
      `${data.hits ?? 0} hits · ${data.misses ?? 0} misses`,
    ),
  );
  $('cache').replaceChildren(chart);
  const entries = Object.entries(queue ?? {}).filter(
    ([, value]) => typeof value === 'number' || typeof value === 'string',
  );
  $('queue').replaceChildren(...entries.map(([key, value]) => stat(String(value), `queue ${key}`)));
}

async function refreshMetrics() {
  const metrics = await api('/metrics', { query: { tenantId: state.tenantId } });
  renderSla(metrics?.sla);
  renderHandoffs(metrics?.handoffs);
  renderCost(metrics?.cost);
  renderCache(metrics?.cache, metrics?.queue);
}

async function acknowledge(alert, button) {
  button.disabled = true;
  try {
    await api(`/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST', body: {} });
    banner(`Acknowledged ${alert.rule}.`);
  } catch (error) {
    if (!(error instanceof ApiError && error.message === 'signed out'))
      banner(error.message, 'error');
  }
  await refreshAlerts().catch(() => undefined);
}

async function silence(alert, button) {
  button.disabled = true;
  try {
    const now = Date.now();
    await api('/alerts/silences', {
      method: 'POST',
      body: {
        matchers: [{ name: 'alertname', value: alert.rule, isRegex: false, isEqual: true }],
        startsAt: now,
        endsAt: now + 60 * 60_000,
        comment: `Silenced for 1 h from the dashboard (${alert.rule})`,
      },
    });
    banner(`Silenced ${alert.rule} for one hour.`);
  } catch (error) {
    if (!(error instanceof ApiError && error.message === 'signed out'))
      banner(error.message, 'error');
  }
  await refreshAlerts().catch(() => undefined);
}

async function expireSilence(id) {
  try {
    await api(`/alerts/silences/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch (error) {
    banner(error.message, 'error');
  }
  await refreshAlerts().catch(() => undefined);
}

async function refreshAlerts() {
  const [alerts, silences] = await Promise.all([
    api('/alerts'),
    api('/alerts/silences').catch(() => ({ items: [] })),
  ]);
  const items = alerts?.items ?? [];
  fillRows(
    $('alerts'),
    items.map((alert) => {
      const acknowledged = Boolean(alert.acknowledgedAt) || alert.status === 'acknowledged';
      const ackButton = el('button', {
        type: 'button',
        class: 'small',
        'data-testid': 'acknowledge',
        text: acknowledged ? 'Acknowledged' : 'Acknowledge',
      });
      ackButton.disabled = acknowledged || alert.status === 'resolved';
      ackButton.addEventListener('click', () => void acknowledge(alert, ackButton));
      const silenceButton = el('button', {
        type: 'button',
        class: 'small warn',
        'data-testid': 'silence',
        text: 'Silence 1 h',
      });
      silenceButton.addEventListener('click', () => void silence(alert, silenceButton));
      return el(
        'tr',
        { 'data-alert-id': alert.id, 'data-status': acknowledged ? 'acknowledged' : alert.status },
        el('td', {}, badge(alert.severity)),
        el('td', {}, el('code', { text: alert.rule })),
        el('td', {}, badge(acknowledged ? 'acknowledged' : alert.status)),
        el('td', { class: 'text', title: alert.message, text: alert.message }),
        el('td', { class: 'muted', text: ago(alert.firedAt) }),
        el('td', { text: alert.level ?? '' }),
        el('td', {}, el('div', { class: 'actions' }, ackButton, silenceButton)),
      );
    }),
    7,
    'No alerts. All quiet.',
  );
  const active = (silences?.items ?? []).filter((item) => toMillis(item.endsAt) > Date.now());
  $('silences').replaceChildren(
    ...(active.length
      ? active.map((item) =>
          el(
            'li',
            {},
            el('code', {
              text: (item.matchers ?? [])
                .map((m) => `${m.name}${m.isEqual === false ? '!=' : '='}${m.value}`)
                .join(', '),
            }),
            el('span', {
              class: 'muted',
              text: `until ${new Date(toMillis(item.endsAt)).toLocaleTimeString()}`,
            }),
            el('button', {
              type: 'button',
              class: 'small secondary',
              text: 'Expire',
              onclick: () => void expireSilence(item.id),
            }),
          ),
        )
      : [el('li', { class: 'muted', text: 'No active silences.' })]),
  );
}

function describeAction(action = {}) {
  if (action.type === 'sendMessage')
    return `sendMessage (${action.channel ?? 'SMS'}): ${action.body ?? ''}`;
  if (action.tags) return `${action.type}: ${action.tags.join(', ')}`;
  if (action.stage) return `${action.type}: ${action.stage}`;
  if (action.fields) return `${action.type}: ${Object.keys(action.fields).join(', ')}`;
  if (action.workflow) return `${action.type}: ${action.workflow}`;
  return action.type ?? 'unknown';
}

async function retry(entry, button) {
  button.disabled = true;
  try {
    await api(`/outbox/${encodeURIComponent(entry.id)}/retry`, {
      method: 'POST',
      query: { tenantId: entry.tenantId },
      body: {},
    });
    banner('Dead letter queued for another delivery.');
  } catch (error) {
    banner(error.message, 'error');
  }
  await refreshOutbox().catch(() => undefined);
}

async function refreshOutbox() {
  const body = await api('/outbox', {
    query: { tenantId: state.tenantId, status: $('outbox-status').value, limit: 1000 },
  });
  // The API lists oldest first; show the newest 50.
  const items = [...(body?.items ?? [])]
    .sort((a, b) => toMillis(b.createdAt) - toMillis(a.createdAt))
    .slice(0, 50);
  fillRows(
    $('outbox'),
    items.map((entry) => {
      const retryButton =
        entry.status === 'dead'
          ? el('button', { type: 'button', class: 'small', 'data-testid': 'retry', text: 'Retry' })
          : null;
      retryButton?.addEventListener('click', () => void retry(entry, retryButton));
      const text = describeAction(entry.action);
      return el(
        'tr',
        { 'data-outbox-id': entry.id },
        el('td', { class: 'muted', text: ago(entry.createdAt) }),
        el('td', { text: entry.tenantId }),
        el('td', {}, el('code', { text: entry.contactId })),
        el('td', { class: 'text', title: text, text }),
        el('td', {}, badge(entry.status)),
        el('td', { text: `${entry.attempts ?? 0}/${entry.maxAttempts ?? '–'}` }),
        el('td', {
          class: 'text',
          title: entry.lastError?.message ?? '',
          text: entry.lastError?.code ?? '',
        }),
        el('td', {}, retryButton),
      );
    }),
    8,
    'The outbox is empty.',
  );
}

async function refreshTenants() {
  const body = await api('/tenants').catch(() => undefined);
  const select = $('tenant');
  const items = body?.items ?? (Array.isArray(body) ? body : []);
  select.replaceChildren(
    el('option', { value: '', text: 'All tenants' }),
    ...items.map((tenant) =>
      el('option', {
        value: tenant.id,
        text: tenant.agencyName ? `${tenant.agencyName} (${tenant.id})` : tenant.id,
      }),
    ),
  );
  if (items.length === 1) select.value = '';
  select.value = state.tenantId;
}

// ---------- scheduling ----------

async function run(task) {
  if (Date.now() < state.pausedUntil) return;
  try {
    await task();
    $('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (error instanceof ApiError) {
      if (!['signed out', 'unauthorised', 'rate limited'].includes(error.message))
        banner(error.message, 'error');
    } else {
      banner(`Dashboard error: ${error.message}`, 'error');
    }
  }
}

function refreshAll() {
  return Promise.all([
    run(refreshConversations),
    run(refreshMetrics),
    run(refreshAlerts),
    run(refreshOutbox),
  ]);
}

function showLogin(message) {
  $('app-view').hidden = true;
  $('session').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  error.textContent = message ?? '';
  error.hidden = !message;
  $('api-key').focus();
}

async function showApp() {
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('session').hidden = false;
  banner('');
  await run(refreshTenants);
  await refreshAll();
  state.timers.push(setInterval(() => void run(refreshConversations), FAST_MS));
  state.timers.push(
    setInterval(
      () => void Promise.all([run(refreshMetrics), run(refreshAlerts), run(refreshOutbox)]),
      SLOW_MS,
    ),
  );
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('api-key');
    const key = input.value.trim();
    input.value = '';
    login(key).then(
      () => void showApp(),
      (error) => showLogin(error.message),
    );
  });
  $('logout').addEventListener('click', () => logout('Signed out.'));
  $('refresh').addEventListener('click', () => {
    state.pausedUntil = 0;
    void refreshAll();
  });
  $('tenant').addEventListener('change', (event) => {
    state.tenantId = event.target.value;
    void refreshAll();
  });
  $('outbox-status').addEventListener('change', () => void run(refreshOutbox));
  if (loadSession()) void showApp();
  else showLogin();
});
