"use strict";
exports.id = 469;
exports.ids = [469];
exports.modules = {

/***/ 1469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INVENTORY_OUTPUT_NAMES: () => (/* binding */ INVENTORY_OUTPUT_NAMES),
  notifyInventory: () => (/* binding */ notifyInventory),
  runInventory: () => (/* binding */ runInventory),
  setInventoryOutputs: () => (/* binding */ setInventoryOutputs)
});

// EXTERNAL MODULE: ./src/report/regenerate-url.ts
var regenerate_url = __webpack_require__(9534);
// EXTERNAL MODULE: ./src/action/job-summary.ts
var job_summary = __webpack_require__(9004);
// EXTERNAL MODULE: ./src/notify/tracking-issue.ts
var tracking_issue = __webpack_require__(4254);
;// CONCATENATED MODULE: ./src/inventory/notify.ts
const MAX_BODY = 65_000;
function inventoryIssueTitle(report) {
    return `Token inventory ${report.result === 'fail' ? 'failing' : 'warning'}: ${report.organization} (${report.counts.needsAction} need action)`.slice(0, 200);
}
function inventoryIssueBody(report, marker, runUrl) {
    const head = [
        marker,
        `This issue is kept up to date by pat-audit's organization inventory while it does not pass${runUrl ? `; last run: ${runUrl}` : ''}. It closes itself when a run passes.`,
        '',
        ...report.findings.filter((f) => f.severity !== 'notice').map((f) => `- **${f.title}**: ${f.message}`),
        '',
        '### Needs action',
        ''
    ];
    const lines = [];
    let length = head.join('\n').length;
    const action = report.entries.filter((v) => v.problems.length > 0);
    for (const [i, v] of action.entries()) {
        const what = v.problems.map((p) => p.text).join('; ');
        const link = v.action === 'rotate' ? `[rotate](${v.links.replacement}), then [revoke](${v.links.review})` : v.action === 'revoke' ? `[revoke](${v.links.review})` : `[approve or deny](${v.links.review})`;
        const line = `- [ ] \`${v.key.replace(/`/g, "'")}\`: ${what.replace(/[<>]/g, '')} — ${link}`;
        if (length + line.length + 200 > MAX_BODY) {
            lines.push(`- … and ${action.length - i} more: see the run's \`report\` output.`);
            break;
        }
        lines.push(line);
        length += line.length + 1;
    }
    return [...head, ...lines].join('\n');
}
function decideInventoryIssueAction(report, existing, marker, runUrl) {
    if (report.result === 'pass') {
        return existing ? { kind: 'close', number: existing.number, comment: `The organization inventory passed${runUrl ? ` (${runUrl})` : ''}. Closing.` } : { kind: 'none' };
    }
    const body = inventoryIssueBody(report, marker, runUrl);
    return existing ? { kind: 'update', number: existing.number, title: inventoryIssueTitle(report), body } : { kind: 'create', title: inventoryIssueTitle(report), body };
}

// EXTERNAL MODULE: ./src/audit/plan.ts
var plan = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/audit/runner.ts
var runner = __webpack_require__(8673);
;// CONCATENATED MODULE: ./src/inventory/read.ts


const PAGE_SIZE = 100;
const MAX_IN_FLIGHT = 10;
/** At most this many pages of each list (100,000 entries); a larger `last` is read up to here and reported. */
const MAX_PAGES = 1000;
const LIST_PATH = {
    grants: 'personal-access-tokens',
    requests: 'personal-access-token-requests'
};
const QUERY = (page) => ({ per_page: String(PAGE_SIZE), page: String(page), sort: 'created_at', direction: 'asc' });
/** The relations of a `Link` header, each with its page number (undefined when the URL carries none). */
function parseLinkPages(header) {
    const out = {};
    if (!header || header.length > 10_000)
        return out;
    for (const part of header.split(',')) {
        const m = /^\s*<([^>]{1,2000})>\s*;\s*rel="?([a-z ]+)"?\s*$/i.exec(part);
        if (!m)
            continue;
        let page;
        try {
            const value = new URL(m[1], 'https://api.github.com/').searchParams.get('page');
            page = value !== null && /^\d{1,7}$/.test(value) ? Number(value) : undefined;
        }
        catch {
            page = undefined;
        }
        if (page === undefined || page < 1)
            continue;
        for (const rel of m[2].toLowerCase().split(/\s+/))
            if (rel === 'next' || rel === 'last' || rel === 'prev' || rel === 'first')
                out[rel] = page;
    }
    return out;
}
async function readInventory(organization, transport, options) {
    const limit = (0,runner/* createLimiter */.zm)(MAX_IN_FLIGHT);
    let requestCount = 0;
    const fetchPage = (list, page) => limit(() => {
        requestCount++;
        const query = QUERY(page);
        const template = `/orgs/{org}/${LIST_PATH[list]}`;
        return (0,runner/* sendOne */.lI)((0,plan/* getProbe */.XS)(template, query), { method: 'GET', path: `/orgs/${encodeURIComponent(organization)}/${LIST_PATH[list]}`, query }, transport, options);
    });
    const readList = async (list, first) => {
        const seen = new Set();
        const entries = [];
        const problems = [];
        let duplicates = 0;
        let pages = 0;
        const take = (page, ev) => {
            if (ev.status !== 200 || !Array.isArray(ev.body)) {
                problems.push({
                    list,
                    page,
                    status: ev.status,
                    message: ev.status === 200 ? 'The answer was not a list.' : ev.message,
                    ...(ev.failure ? { failure: ev.failure } : {}),
                    ...(ev.headers['x-accepted-github-permissions'] ? { acceptedPermissions: ev.headers['x-accepted-github-permissions'] } : {})
                });
                return false;
            }
            pages++;
            for (const entry of ev.body) {
                const id = entry?.id;
                if (id !== undefined && seen.has(id)) {
                    duplicates++;
                    continue;
                }
                if (id !== undefined)
                    seen.add(id);
                entries.push(entry);
            }
            return true;
        };
        if (!take(1, first))
            return { entries, pages, announcedPages: 0, problems, duplicates };
        const links = parseLinkPages(first.headers.link);
        const announced = links.last ?? (links.next !== undefined ? links.next : 1);
        const last = Math.min(announced, MAX_PAGES);
        // Pages 2..last all at once (the limiter keeps ten in flight across both lists), kept in page order.
        const rest = await Promise.all(Array.from({ length: Math.max(0, last - 1) }, (_, i) => fetchPage(list, i + 2)));
        let lastRead = first;
        let lastPage = 1;
        for (const [i, ev] of rest.entries()) {
            if (take(i + 2, ev)) {
                lastRead = ev;
                lastPage = i + 2;
            }
        }
        // Without `rel="last"` (only `next`), or when the list grew during the read: follow `next` one page at a time.
        let guard = 0;
        while (problems.length === 0 && lastPage < MAX_PAGES && guard++ < MAX_PAGES) {
            const next = parseLinkPages(lastRead.headers.link).next;
            const full = Array.isArray(lastRead.body) && lastRead.body.length >= PAGE_SIZE;
            if (next === undefined || next <= lastPage || !full)
                break;
            const ev = await fetchPage(list, next);
            if (!take(next, ev))
                break;
            lastRead = ev;
            lastPage = next;
        }
        if (announced > MAX_PAGES) {
            problems.push({ list, page: MAX_PAGES + 1, status: 0, message: `The list has ${announced} pages; pat-audit reads at most ${MAX_PAGES} (${MAX_PAGES * PAGE_SIZE} entries).` });
        }
        return { entries, pages, announcedPages: announced, problems, duplicates };
    };
    const [grantsFirst, requestsFirst] = await Promise.all([fetchPage('grants', 1), fetchPage('requests', 1)]);
    const [grants, requests] = await Promise.all([readList('grants', grantsFirst), readList('requests', requestsFirst)]);
    return { grants, requests, requestCount };
}

// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/inventory/judge.ts

const DAY_MS = 86_400_000;
const SELECTIONS = new Set(['all', 'subset', 'none']);
function isIso(value) {
    return typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));
}
/** Reads one entry of either list; a string says why it cannot be judged. */
function readEntry(kind, raw) {
    if (typeof raw !== 'object' || raw === null)
        return 'not an object';
    const e = raw;
    const id = e.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id))
        return 'no numeric id';
    const owner = e.owner?.login;
    if (typeof owner !== 'string' || owner === '')
        return `entry ${id}: no owner login`;
    const since = kind === 'grant' ? e.access_granted_at : e.created_at;
    if (!isIso(since))
        return `entry ${id}: no ${kind === 'grant' ? 'access_granted_at' : 'created_at'}`;
    if (e.token_expires_at !== null && !isIso(e.token_expires_at))
        return `entry ${id}: token_expires_at is neither a date nor null`;
    const permissions = {};
    if (typeof e.permissions === 'object' && e.permissions !== null) {
        for (const group of Object.values(e.permissions)) {
            if (typeof group !== 'object' || group === null)
                continue;
            for (const [name, level] of Object.entries(group))
                if (typeof level === 'string')
                    permissions[name] = level;
        }
    }
    const selection = typeof e.repository_selection === 'string' && SELECTIONS.has(e.repository_selection) ? e.repository_selection : 'unknown';
    return {
        kind,
        id,
        owner,
        ...(typeof e.token_id === 'number' ? { tokenId: e.token_id } : {}),
        tokenName: typeof e.token_name === 'string' && e.token_name !== '' ? e.token_name : '(unnamed)',
        repositorySelection: selection,
        permissions,
        since,
        expired: e.token_expired === true,
        expiresAt: isIso(e.token_expires_at) ? e.token_expires_at : null,
        lastUsedAt: isIso(e.token_last_used_at) ? e.token_last_used_at : null,
        ...(kind === 'request' ? { reason: typeof e.reason === 'string' ? e.reason : null } : {})
    };
}
/**
 * `OWNER/TOKEN_NAME#ID`. A token name is free text: `%`, `,` and control characters are percent-encoded, so that the
 * comma-separated outputs split back into keys.
 */
function entryKey(entry) {
    // eslint-disable-next-line no-control-regex -- control characters are what is encoded
    const name = entry.tokenName.replace(/[%,\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `${entry.owner}/${name}#${entry.id}`;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function isWriteOrAdmin(level) {
    return level === 'write' || level === 'admin';
}
/** The permissions that make an entry broad, as `name: level` texts; empty when it is not. */
function broadReasons(entry, broad) {
    const reasons = [];
    const writes = Object.entries(entry.permissions)
        .filter(([, level]) => isWriteOrAdmin(level))
        .map(([name, level]) => `${name}: ${level}`)
        .sort();
    if (entry.repositorySelection === 'all' && writes.length > 0)
        reasons.push(`all repositories with write access (${writes.length === 1 ? writes[0] : `${writes.length} permissions`})`);
    for (const b of broad) {
        const held = entry.permissions[b.name];
        if (held !== undefined && types/* LEVELS */.A_.includes(held) && (0,types/* levelCovers */.TP)(held, b.level)) {
            const text = `${b.name}: ${held}`;
            reasons.push(text);
        }
    }
    return reasons;
}
const URGENCY = { expired: 0, expiring: 1, 'non-compliant': 2, pending: 4, broad: 5, unused: 6 };
function judgeEntry(entry, policy) {
    const problems = [];
    const expiresMs = entry.expiresAt === null ? null : Date.parse(entry.expiresAt);
    const daysRemaining = expiresMs === null ? null : Math.floor((expiresMs - policy.now) / DAY_MS);
    const expired = entry.expired || (expiresMs !== null && expiresMs <= policy.now);
    const sinceMs = Date.parse(entry.since);
    // A request's token is judged when it is granted; until then only its wait is.
    if (entry.kind === 'request') {
        // (nothing about expiry)
    }
    else if (expired) {
        problems.push({ code: 'expired', severity: 'error', text: expiresMs !== null ? `expired ${entry.expiresAt?.slice(0, 10)}` : 'expired' });
    }
    else if (daysRemaining !== null && daysRemaining <= policy.expiryFailDays) {
        problems.push({ code: 'expiring', severity: 'error', text: `expires in ${plural(daysRemaining, 'day')}` });
    }
    else if (daysRemaining !== null && daysRemaining <= policy.expiryWarnDays) {
        problems.push({ code: 'expiring', severity: 'warning', text: `expires in ${plural(daysRemaining, 'day')}` });
    }
    if (entry.kind === 'grant' && policy.maxLifetimeDays > 0) {
        if (expiresMs === null) {
            problems.push({ code: 'non-compliant', severity: 'error', text: `never expires (policy: ${policy.maxLifetimeDays} days)` });
        }
        else {
            const lifetimeMs = expiresMs - sinceMs;
            if (lifetimeMs > policy.maxLifetimeDays * DAY_MS) {
                problems.push({ code: 'non-compliant', severity: 'error', text: `lifetime ${Math.ceil(lifetimeMs / DAY_MS)} days from grant (policy: ${policy.maxLifetimeDays})` });
            }
        }
    }
    if (entry.kind === 'grant' && policy.unusedDays > 0 && !expired) {
        const lastMs = entry.lastUsedAt === null ? sinceMs : Date.parse(entry.lastUsedAt);
        if (policy.now - lastMs >= policy.unusedDays * DAY_MS) {
            const idle = Math.floor((policy.now - lastMs) / DAY_MS);
            problems.push({ code: 'unused', severity: 'warning', text: entry.lastUsedAt === null ? `never used in ${plural(idle, 'day')}` : `unused for ${plural(idle, 'day')}` });
        }
    }
    const broad = entry.kind === 'grant' ? broadReasons(entry, policy.broadPermissions) : [];
    if (broad.length > 0)
        problems.push({ code: 'broad', severity: 'warning', text: `broad: ${broad.join('; ')}` });
    if (entry.kind === 'request') {
        const waitedMs = policy.now - sinceMs;
        if (waitedMs > policy.pendingDays * DAY_MS)
            problems.push({ code: 'pending', severity: 'warning', text: `pending for ${plural(Math.floor(waitedMs / DAY_MS), 'day')}` });
    }
    problems.sort((a, b) => URGENCY[a.code] - URGENCY[b.code]);
    const urgency = problems.length === 0 ? 100 : Math.min(...problems.map((p) => URGENCY[p.code] + (p.code === 'expiring' && p.severity === 'warning' ? 2 : 0)));
    return { entry, key: entryKey(entry), problems, action: actionFor(entry, problems), urgency, daysRemaining };
}
/**
 * What to do: a request is approved or denied; an unused grant is revoked (nobody needs a replacement of a token
 * nobody uses); any other grant with a problem (expired, expiring, non-compliant, broad) is rotated: a replacement
 * created, then this one revoked.
 */
function actionFor(entry, problems) {
    if (problems.length === 0)
        return 'none';
    if (entry.kind === 'request')
        return 'review-request';
    return problems.some((p) => p.code === 'unused') ? 'revoke' : 'rotate';
}
/** Most urgent first; then the soonest expiry; then the key. */
function byUrgency(a, b) {
    if (a.urgency !== b.urgency)
        return a.urgency - b.urgency;
    const ea = a.entry.expiresAt === null ? Infinity : Date.parse(a.entry.expiresAt);
    const eb = b.entry.expiresAt === null ? Infinity : Date.parse(b.entry.expiresAt);
    if (ea !== eb)
        return ea < eb ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
/** The required-permission form of an entry's permissions (read/write/admin only), for a replacement link. */
function replacementPermissions(entry) {
    return Object.entries(entry.permissions)
        .filter(([, level]) => types/* LEVELS */.A_.includes(level))
        .map(([name, level]) => ({ name, level: level }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/inventory/report.ts
/**
 * The inventory's result as data: every entry judged, the lists the outputs hold, the findings (one per kind of
 * problem, for annotations) and the verdict. Pure: (read, policy, links) → report.
 */


const INVENTORY_SCHEMA_VERSION = 1;
/** The `report` output stays under GitHub's 1 MB limit for one output; past this, compliant entries keep only their key. */
const MAX_REPORT_CHARS = 900_000;
const OUTPUT_LISTS = (/* unused pure expression or super */ null && (['expiring', 'non-compliant', 'unused', 'broad', 'pending-requests']));
/** The organization's pages where an owner acts: active tokens (revoke) and pending requests (approve or deny). */
function organizationPages(serverUrl, organization) {
    const base = `${serverUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(organization)}/settings`;
    return { active: `${base}/personal-access-tokens/active`, requests: `${base}/personal-access-token-requests` };
}
function buildInventoryReport(read, options) {
    const { organization, serverUrl, policy } = options;
    const pages = organizationPages(serverUrl, organization);
    const malformed = [];
    const entries = [];
    for (const [kind, list] of [
        ['grant', read.grants],
        ['request', read.requests]
    ]) {
        for (const raw of list.entries) {
            const entry = readEntry(kind, raw);
            if (typeof entry === 'string')
                malformed.push(`${kind === 'grant' ? 'grant' : 'request'}: ${entry}`);
            else
                entries.push(entry);
        }
    }
    const judged = entries
        .map((e) => judgeEntry(e, policy))
        .sort(byUrgency)
        .map((v) => ({
        ...v,
        links: {
            ...(v.action === 'rotate' ? { replacement: replacementLink(v.entry, serverUrl, organization, policy.maxLifetimeDays) } : {}),
            review: v.entry.kind === 'request' ? pages.requests : pages.active
        }
    }));
    const keysWith = (code, kind) => judged
        .filter((v) => (kind === undefined || v.entry.kind === kind) && v.problems.some((p) => p.code === code))
        .map((v) => v.key)
        .sort();
    const lists = {
        expiring: [...new Set([...keysWith('expired', 'grant'), ...keysWith('expiring', 'grant')])].sort(),
        'non-compliant': keysWith('non-compliant'),
        unused: keysWith('unused'),
        broad: keysWith('broad'),
        'pending-requests': keysWith('pending')
    };
    const findings = [];
    const problems = [...read.grants.problems, ...read.requests.problems];
    for (const p of problems)
        findings.push(incompleteFinding(p, organization));
    if (malformed.length > 0) {
        findings.push({
            severity: 'error',
            code: 'malformed',
            title: 'Entries GitHub sent in an unexpected shape',
            message: `${malformed.length} entr${malformed.length === 1 ? 'y' : 'ies'} of the organization's record could not be judged (${malformed.slice(0, 3).join('; ')}${malformed.length > 3 ? '; …' : ''}).`,
            keys: []
        });
    }
    const group = (code, severity, title, what) => {
        const keys = judged.filter((v) => v.problems.some((p) => p.code === code && p.severity === severity)).map((v) => v.key).sort();
        if (keys.length === 0)
            return;
        findings.push({ severity, code, title, message: `${keys.length} ${what}: ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? `, and ${keys.length - 10} more` : ''}.`, keys });
    };
    group('expired', 'error', 'Expired tokens still granted', 'token(s) expired but still granted (rotate if still needed, and revoke the grant)');
    group('expiring', 'error', `Tokens expiring within ${policy.expiryFailDays} days`, `token(s) expire within expiry-fail-days (${policy.expiryFailDays}); rotate them`);
    group('non-compliant', 'error', 'Tokens outside the lifetime policy', `token(s) never expire or outlive max-lifetime-days (${policy.maxLifetimeDays}); rotate them`);
    group('expiring', 'warning', `Tokens expiring within ${policy.expiryWarnDays} days`, `token(s) expire within expiry-warn-days (${policy.expiryWarnDays})`);
    group('pending', 'warning', `Requests pending for more than ${policy.pendingDays} days`, 'request(s) wait for an owner to approve or deny them');
    group('broad', 'warning', 'Broad tokens', 'token(s) reach all repositories with write access, or hold a permission listed in broad-permissions');
    group('unused', 'warning', `Tokens unused for ${policy.unusedDays} days`, `token(s) unused for unused-days (${policy.unusedDays}) or more; revoke them`);
    const result = findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
    const tokens = judged.filter((v) => v.entry.kind === 'grant').length;
    return {
        schemaVersion: INVENTORY_SCHEMA_VERSION,
        mode: 'organization',
        result,
        generatedAt: new Date(options.finishedAt).toISOString(),
        organization,
        policy: {
            expiryWarnDays: policy.expiryWarnDays,
            expiryFailDays: policy.expiryFailDays,
            maxLifetimeDays: policy.maxLifetimeDays,
            unusedDays: policy.unusedDays,
            pendingDays: policy.pendingDays,
            broadPermissions: policy.broadPermissions.map((p) => `${p.name}:${p.level}`)
        },
        entries: judged,
        lists,
        counts: { tokens, requests: judged.length - tokens, compliant: judged.filter((v) => v.problems.length === 0).length, needsAction: judged.filter((v) => v.problems.length > 0).length },
        findings,
        problems,
        stats: { requests: read.requestCount, pages: { grants: read.grants.pages, requests: read.requests.pages }, durationMs: options.finishedAt - options.startedAt }
    };
}
function incompleteFinding(p, organization) {
    const what = p.list === 'grants' ? 'tokens' : 'pending requests';
    const permission = p.list === 'grants' ? 'Personal access tokens: read' : 'Personal access token requests: read';
    const path = `GET /orgs/${organization}/${p.list === 'grants' ? 'personal-access-tokens' : 'personal-access-token-requests'}`;
    const answer = p.status === 0 ? `no answer (${p.message})` : `${p.status} "${p.message}"`;
    const hint = p.status === 401
        ? ' org-admin-token is invalid or expired (an installation token lives one hour).'
        : p.status === 403 || p.status === 404
            ? ` org-admin-token must be a GitHub App installation token on ${organization} with the organization permission "${permission}"${p.acceptedPermissions ? ` (GitHub accepts: ${p.acceptedPermissions})` : ''}.`
            : '';
    return {
        severity: 'error',
        code: 'incomplete',
        title: `The organization's ${what} could not all be read`,
        message: `${path}, page ${p.page}: ${answer}.${hint} The inventory is incomplete.`.replace(/\.\./g, '.'),
        keys: []
    };
}
/** A pre-filled replacement: the same name, permissions and organization, a lifetime within the policy. */
function replacementLink(entry, serverUrl, organization, maxLifetimeDays) {
    const url = new URL((0,regenerate_url/* regenerateUrl */.yy)({ serverUrl, required: replacementPermissions(entry), resourceOwner: organization, lifetimeDays: maxLifetimeDays }));
    url.searchParams.set('name', entry.tokenName.length <= 40 ? entry.tokenName : `${entry.tokenName.slice(0, 39)}…`);
    url.searchParams.set('description', `Replacement for ${entry.owner}'s token "${entry.tokenName}" (grant ${entry.id}), created from the pat-audit organization inventory.`.slice(0, 1024));
    return url.toString();
}
/** The `report` output: the report as JSON, under MAX_REPORT_CHARS (compliant entries shortened first). */
function reportJson(report) {
    const full = JSON.stringify(report);
    if (full.length <= MAX_REPORT_CHARS)
        return full;
    const short = { ...report, truncated: 'compliant entries keep only their key', entries: report.entries.map((e) => (e.problems.length === 0 ? { key: e.key } : e)) };
    const shorter = JSON.stringify(short);
    if (shorter.length <= MAX_REPORT_CHARS)
        return shorter;
    return JSON.stringify({ ...short, truncated: 'entries keep only their key and problems', entries: report.entries.map((e) => ({ key: e.key, problems: e.problems.map((p) => p.code) })) });
}

// EXTERNAL MODULE: ./src/inventory/settings.ts
var inventory_settings = __webpack_require__(3951);
;// CONCATENATED MODULE: ./src/inventory/summary.ts
/** Rows of the action table; the rest are in the `report` output. Keeps the summary far below GitHub's 1 MiB. */
const MAX_ACTION_ROWS = 300;
const MAX_COMPLIANT_ROWS = 2000;
const OWNER_CHARS = 15;
const NAME_CHARS = 18;
const HEADLINE = { pass: '✅ Organization inventory passed', warn: '⚠️ Organization inventory: warnings', fail: '❌ Organization inventory failed' };
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
function shorten(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
function date(iso, none) {
    return iso === null ? none : iso.slice(0, 10);
}
function repositories(entry) {
    return entry.repositorySelection === 'subset' ? 'selected' : entry.repositorySelection;
}
function todo(v) {
    switch (v.action) {
        case 'rotate':
            return `[Rotate](${v.links.replacement}), then [revoke](${v.links.review})`;
        case 'revoke':
            return `[Revoke](${v.links.review})`;
        case 'review-request':
            return `[Approve or deny](${v.links.review})`;
        case 'none':
            return '';
    }
}
function row(v, withProblems) {
    const e = v.entry;
    const name = `${shorten(e.tokenName, NAME_CHARS)}${e.kind === 'request' ? ' (request)' : ''}`;
    const cells = [
        cell(shorten(e.owner, OWNER_CHARS)),
        cell(name),
        e.expired ? 'expired' : date(e.expiresAt, 'never'),
        date(e.lastUsedAt, 'never'),
        repositories(e)
    ];
    if (withProblems)
        cells.push(v.problems.map((p) => `${ICON[p.severity]} ${cell(p.text)}`).join('<br>'), todo(v));
    return `| ${cells.join(' | ')} |`;
}
function renderInventorySummary(report) {
    const lines = [];
    const c = report.counts;
    lines.push(`## ${HEADLINE[report.result]}: ${cell(report.organization)}`, '');
    lines.push(`**${c.tokens}** token${c.tokens === 1 ? '' : 's'} with access · **${c.requests}** pending request${c.requests === 1 ? '' : 's'} · **${c.needsAction}** need action · ${c.compliant} compliant`, '');
    const n = (key) => report.lists[key].length;
    lines.push('| expired or expiring | non-compliant | unused | broad | pending requests |', '|---:|---:|---:|---:|---:|');
    lines.push(`| ${n('expiring')} | ${n('non-compliant')} | ${n('unused')} | ${n('broad')} | ${n('pending-requests')} |`, '');
    for (const f of report.findings.filter((f) => f.code === 'incomplete' || f.code === 'malformed' || f.code === 'input')) {
        lines.push(`- ${ICON[f.severity]} **${cell(f.title)}** — ${cell(f.message)}`);
    }
    if (report.findings.some((f) => f.code === 'incomplete' || f.code === 'malformed' || f.code === 'input'))
        lines.push('');
    const action = report.entries.filter((v) => v.problems.length > 0);
    if (action.length > 0) {
        lines.push(`### Needs action (${action.length}, most urgent first)`, '');
        lines.push('| Owner | Token | Expires | Last used | Repos | What is wrong | What to do |', '|---|---|---|---|---|---|---|');
        for (const v of action.slice(0, MAX_ACTION_ROWS))
            lines.push(row(v, true));
        if (action.length > MAX_ACTION_ROWS)
            lines.push('', `… and ${action.length - MAX_ACTION_ROWS} more, in the \`report\` output.`);
        lines.push('');
    }
    const compliant = report.entries.filter((v) => v.problems.length === 0);
    if (compliant.length > 0) {
        lines.push(`<details><summary>Compliant tokens and requests (${compliant.length})</summary>`, '');
        lines.push('| Owner | Token | Expires | Last used | Repos |', '|---|---|---|---|---|');
        for (const v of compliant.slice(0, MAX_COMPLIANT_ROWS))
            lines.push(row(v, false));
        if (compliant.length > MAX_COMPLIANT_ROWS)
            lines.push('', `… and ${compliant.length - MAX_COMPLIANT_ROWS} more, in the \`report\` output.`);
        lines.push('', '</details>', '');
    }
    const p = report.policy;
    lines.push(`Policy: expiry warn ${p.expiryWarnDays} / fail ${p.expiryFailDays} days · lifetime ${p.maxLifetimeDays > 0 ? `≤ ${p.maxLifetimeDays} days from the grant` : 'not checked'} · unused ${p.unusedDays > 0 ? `≥ ${p.unusedDays} days` : 'not checked'} · requests pending > ${p.pendingDays} days · broad: all repositories with write${p.broadPermissions.length ? `, or ${p.broadPermissions.join(', ')}` : ''}.`, '', `${report.stats.requests} request${report.stats.requests === 1 ? '' : 's'} (${report.stats.pages.grants} + ${report.stats.pages.requests} pages) in ${(report.stats.durationMs / 1000).toFixed(1)} s. pat-audit only reads the organization's record: nothing was revoked, approved or changed.`);
    return lines.join('\n');
}
/** Text for a Markdown table cell: no pipe, tag or line break can break the row. */
function cell(text) {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/inventory/action.ts








/** The outputs of organization mode (the others are set empty). */
const INVENTORY_OUTPUT_NAMES = ['tokens', 'expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'];
/**
 * mode: organization, called by runAudit: validate the inputs, read the organization's record with org-admin-token
 * through the audit's own transport, judge it, and fill in the outputs. Reads and writes nothing else.
 */
async function runInventory(raw, names, env, deps, outputs) {
    outputs.set('token-type', 'unknown');
    const parsed = (0,inventory_settings/* parseInventorySettings */.TZ)(raw, names);
    if (!parsed.ok) {
        outputs.set('report', JSON.stringify({ schemaVersion: 1, mode: 'organization', result: 'fail', inputErrors: parsed.errors }));
        return { errors: parsed.errors, warnings: [], summary: (0,job_summary.renderInputErrorsSummary)(parsed.errors) };
    }
    const settings = parsed.settings;
    const started = deps.now();
    const deadline = started + settings.base.timeoutSeconds * 1000;
    const transport = deps.makeTransport(settings.base, deadline, deps.debug, settings.orgAdminToken);
    const read = await readInventory(settings.organization, transport, { deadline, now: deps.now });
    const serverUrl = env.GITHUB_SERVER_URL?.trim() || (0,regenerate_url/* serverUrlFor */.uH)(settings.base.apiUrl);
    const report = buildInventoryReport(read, {
        organization: settings.organization,
        serverUrl,
        startedAt: started,
        finishedAt: deps.now(),
        policy: {
            now: started,
            expiryWarnDays: settings.base.expiryWarnDays,
            expiryFailDays: settings.base.expiryFailDays,
            maxLifetimeDays: settings.base.maxLifetimeDays,
            unusedDays: settings.unusedDays,
            pendingDays: settings.pendingDays,
            broadPermissions: settings.broadPermissions
        }
    });
    setInventoryOutputs(outputs, report);
    const failOn = settings.base.failOn;
    const failing = failOn === 'never' ? false : failOn === 'warning' ? report.result !== 'pass' : report.result === 'fail';
    return {
        errors: [],
        warnings: settings.inputWarnings,
        inventory: report,
        summary: renderInventorySummary(report),
        settings: settings.base,
        ...(failing ? { failure: `Organization inventory ${report.result === 'fail' ? 'failed' : 'raised warnings'} (fail-on: ${failOn}); see the job summary.` } : {})
    };
}
function setInventoryOutputs(outputs, report) {
    outputs.set('result', report.result);
    outputs.set('tokens', String(report.counts.tokens));
    for (const name of ['expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'])
        outputs.set(name, report.lists[name].join(','));
    outputs.set('report', reportJson(report));
}
/** The tracking issue in organization mode, from the action's shell: a failure here is a warning, never the verdict. */
async function notifyInventory(base, report, deps, io, redact) {
    const env = deps.env;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        io.annotate('warning', 'notify: issue needs the workflow repository (GITHUB_REPOSITORY), which is not set; no tracking issue was written.');
        return;
    }
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    const marker = (0,tracking_issue/* trackingMarker */.MA)((0,tracking_issue/* trackingKey */.d9)({ workflow: env.GITHUB_WORKFLOW, job: env.GITHUB_JOB, organization: report.organization, required: 'mode:organization' }));
    try {
        const client = deps.makeIssueClient(base, { owner, repo }, redact);
        // Only the issue github-token's own identity created, with the label (issue 12); read again before creating.
        const login = await client.whoami();
        let action = decideInventoryIssueAction(report, await (0,tracking_issue/* findTrackingIssue */.MQ)(client, login, marker), marker, runUrl);
        if (action.kind === 'create')
            action = decideInventoryIssueAction(report, await (0,tracking_issue/* findTrackingIssue */.MQ)(client, login, marker), marker, runUrl);
        io.info(await (0,tracking_issue/* applyIssueAction */.WG)(client, action, login));
    }
    catch (error) {
        const status = error?.status;
        io.annotate('warning', `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error).slice(0, 300)}`, 'Tracking issue');
    }
}


/***/ }),

/***/ 4254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MA: () => (/* binding */ trackingMarker),
/* harmony export */   MQ: () => (/* binding */ findTrackingIssue),
/* harmony export */   WG: () => (/* binding */ applyIssueAction),
/* harmony export */   WR: () => (/* binding */ applyTracking),
/* harmony export */   d9: () => (/* binding */ trackingKey)
/* harmony export */ });
/* unused harmony exports issueTitle, issueBody, decideIssueAction, TRACKING_LABEL */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The tracking issue (input `notify: issue`): one issue in the workflow's repository per audit, found again by a
 * hidden marker, opened or updated while the result is not `pass`, and closed with a comment when a run passes.
 * It is written with the workflow's own token (`github-token`), never with the audited token, and only when the
 * user asked for it: these are the only requests of the action that change anything on GitHub.
 */

/** Identifies this audit (not the token, which changes when it is replaced): workflow, job, target and requirement. */
function trackingKey(parts) {
    const text = [parts.workflow ?? '', parts.job ?? '', parts.repository ?? '', parts.organization ?? '', parts.required].join('\n');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16);
}
function trackingMarker(key) {
    return `<!-- pat-audit:tracking ${key} -->`;
}
function issueTitle(report) {
    const subject = report.target.repository ?? report.target.organization ?? 'a token';
    const owner = report.token.owner ? ` (${report.token.owner})` : '';
    return `Token audit ${report.result === 'fail' ? 'failing' : 'warning'}: ${subject}${owner}`.slice(0, 200);
}
function issueBody(report, marker, summary, runUrl) {
    return [
        marker,
        `This issue is kept up to date by pat-audit while the audit does not pass${runUrl ? `; last run: ${runUrl}` : ''}. It closes itself when a run passes.`,
        '',
        `**Create a correct replacement token:** ${report.regenerateUrl}`,
        '',
        summary
    ]
        .join('\n')
        .slice(0, 65_000);
}
function decideIssueAction(report, existing, marker, summary, runUrl) {
    if (report.result === 'pass') {
        return existing
            ? { kind: 'close', number: existing.number, comment: `The token passed the audit${runUrl ? ` (${runUrl})` : ''}. Closing.` }
            : { kind: 'none' };
    }
    const body = issueBody(report, marker, summary, runUrl);
    return existing ? { kind: 'update', number: existing.number, title: issueTitle(report), body } : { kind: 'create', title: issueTitle(report), body };
}
/** The label every tracking issue carries; candidates are found by it and by their creator. */
const TRACKING_LABEL = 'pat-audit';
/** The audit's own issue: created by `login`, carrying the label and the marker; never anyone else's. */
async function findTrackingIssue(client, login, marker) {
    const issues = await client.listOwn(login, TRACKING_LABEL);
    const own = issues.filter((i) => !i.pull_request &&
        typeof i.body === 'string' &&
        i.body.includes(marker) &&
        i.user?.login?.toLowerCase() === login.toLowerCase() &&
        (i.labels ?? []).some((l) => (typeof l === 'string' ? l : l.name)?.toLowerCase() === TRACKING_LABEL));
    // The oldest of its own issues is the one kept up to date.
    const found = own.sort((a, b) => a.number - b.number)[0];
    return found ? { number: found.number, body: found.body ?? '' } : undefined;
}
/** Carries out the action; returns a sentence saying what was done. */
async function applyIssueAction(client, action, login = '') {
    switch (action.kind) {
        case 'none':
            return 'No tracking issue is open and the audit passed: nothing to do.';
        case 'create': {
            // Sent once (never retried): a 5xx may arrive after GitHub created it.
            const created = await client.create(action.title, action.body, TRACKING_LABEL);
            const notes = [];
            if (login && created.creator && created.creator.toLowerCase() !== login.toLowerCase()) {
                notes.push(` GitHub shows it as created by ${created.creator}, not ${login}: later runs will not find it.`);
            }
            if (created.labels && !created.labels.some((l) => l.toLowerCase() === TRACKING_LABEL)) {
                notes.push(` GitHub dropped the label '${TRACKING_LABEL}' (setting labels needs push access): later runs will not find it.`);
            }
            return `Opened tracking issue #${created.number}.${notes.join('')}`;
        }
        case 'update':
            await client.update(action.number, action.title, action.body);
            return `Updated tracking issue #${action.number}.`;
        case 'close':
            await client.comment(action.number, action.comment);
            await client.close(action.number);
            return `Closed tracking issue #${action.number}: the audit passes.`;
    }
}
/**
 * The whole step: who github-token is, its own open issue for this audit, then one action. Before creating, the list
 * is read again, so two runs that overlap (or a create whose answer was lost) do not open a second issue.
 */
async function applyTracking(client, report, marker, summary, runUrl) {
    const login = await client.whoami();
    const existing = await findTrackingIssue(client, login, marker);
    let action = decideIssueAction(report, existing, marker, summary, runUrl);
    if (action.kind === 'create') {
        const again = await findTrackingIssue(client, login, marker);
        if (again)
            action = decideIssueAction(report, again, marker, summary, runUrl);
    }
    return applyIssueAction(client, action, login);
}


/***/ })

};
;