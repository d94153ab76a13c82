"use strict";
exports.id = 150;
exports.ids = [150];
exports.modules = {

/***/ 7150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  USAGE: () => (/* binding */ USAGE),
  cli: () => (/* binding */ cli),
  main: () => (/* binding */ main),
  parseArgs: () => (/* binding */ parseArgs),
  renderInventoryTerminal: () => (/* reexport */ renderInventoryTerminal),
  renderTerminal: () => (/* reexport */ renderTerminal)
});

// EXTERNAL MODULE: ./src/catalog/shipped.ts + 1 modules
var shipped = __webpack_require__(5735);
// EXTERNAL MODULE: ./src/catalog/probe-basis.ts
var probe_basis = __webpack_require__(8434);
;// CONCATENATED MODULE: ./src/catalog/describe.ts

function safetyText(safety) {
    switch (safety.kind) {
        case 'read-only':
            return 'read-only GET';
        case 'random-target':
            return `random {${safety.param}}: names nothing that exists`;
        case 'two-barriers':
            return `two barriers: random parent {${safety.param}} that cannot exist, and a body without the required \`${safety.missingField}\` (422 documented)`;
    }
}
function describeCatalog(catalog) {
    const rows = [];
    const names = [...catalog.permissions.keys()].sort();
    for (const name of names) {
        const info = catalog.permissions.get(name);
        for (const level of info.levels) {
            const entry = catalog.entry(name, level);
            if (!entry)
                continue;
            const alternatives = entry.probe?.accepts.filter((set) => !set.some((p) => p.name === name)) ?? [];
            const altNote = alternatives.length > 0 ? `; also accepts ${alternatives.map((s) => s.map((p) => `${p.name}:${p.level}`).join('+')).join(', ')} (probed too)` : '';
            rows.push({
                permission: name,
                title: info.title,
                scope: info.scope,
                level,
                probe: entry.probe ? `${entry.probe.method} ${entry.probe.template}` : '',
                note: entry.probe ? `${safetyText(entry.probe.safety)}${altNote}` : (entry.uncheckable ?? ''),
                source: entry.source,
                ...(entry.probe && (0,probe_basis/* basisOf */.gp)(entry.probe) ? { basis: (0,probe_basis/* basisText */.GB)((0,probe_basis/* basisOf */.gp)(entry.probe)) } : {})
            });
        }
    }
    return rows;
}
function catalogJson(catalog) {
    const rows = [];
    const probeOf = (name, level) => {
        const probe = catalog.entry(name, level)?.probe;
        return probe ? `${probe.method} ${probe.template}` : null;
    };
    for (const name of [...catalog.permissions.keys()].sort()) {
        const info = catalog.permissions.get(name);
        for (const level of info.levels) {
            const entry = catalog.entry(name, level);
            if (!entry)
                continue;
            const alternatives = (entry.probe?.accepts ?? [])
                .filter((set) => !set.some((p) => p.name === name))
                .flatMap((set) => set)
                .map((alt) => {
                const altProbe = catalog.entry(alt.name, alt.level)?.probe;
                return { permission: alt.name, level: alt.level, probe: altProbe && altProbe.accepts.length === 1 ? probeOf(alt.name, alt.level) : null };
            });
            rows.push({ permission: name, level, scope: info.scope, formOnly: info.formOnly, probe: probeOf(name, level), alternatives });
        }
    }
    return { edition: catalog.edition, rows };
}
/** The README's table of auditable permissions. */
function catalogMarkdown(catalog) {
    const rows = describeCatalog(catalog);
    const esc = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const lines = ['| permission | level | probe | why it is harmless, or why it cannot be checked |', '|---|---|---|---|'];
    for (const r of rows)
        lines.push(`| \`${r.permission}\` | ${r.level} | ${r.probe ? `\`${esc(r.probe)}\`` : '—'} | ${esc(r.note)}${r.source === 'override' ? ' (reviewed override)' : ''} |`);
    const probed = rows.filter((r) => r.probe).length;
    lines.push('', `${catalog.permissions.size} permissions, ${rows.length} permission levels: ${probed} probed, ${rows.length - probed} reported inconclusive with the reason above.`);
    return lines.join('\n');
}
/** A plain-text listing for the terminal. */
function catalogText(catalog) {
    const rows = describeCatalog(catalog);
    const out = [];
    for (const r of rows) {
        out.push(`${`${r.permission}:${r.level}`.padEnd(48)} ${r.probe || 'not checkable'}`);
        out.push(`${''.padEnd(48)}   ${r.note}${r.source === 'override' ? ' (reviewed override)' : ''}`);
        if (r.basis)
            out.push(`${''.padEnd(48)}   basis: ${r.basis}`);
    }
    const probed = rows.filter((r) => r.probe).length;
    out.push('', `${catalog.permissions.size} permissions (${catalog.edition === 'ghes' ? 'GitHub Enterprise Server 3.22' : 'GitHub.com'}), ${rows.length} permission levels: ${probed} probed, ${rows.length - probed} inconclusive with a reason.`);
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/inputs/settings.ts + 1 modules
var settings = __webpack_require__(5813);
// EXTERNAL MODULE: ./src/inventory/settings.ts
var inventory_settings = __webpack_require__(3951);
;// CONCATENATED MODULE: ./src/cli/options.ts
/**
 * The command line's options, generated from the action's own input list (settings.ts, which a test holds equal to
 * action.yml): every input is an option, except the tokens, which are read from the environment or standard input
 * only (an argument shows in the process list and the shell history).
 */


/** The token inputs and where the command line reads each. Never from an argument. */
const TOKEN_SOURCES = {
    token: 'PAT_AUDIT_TOKEN (or GITHUB_TOKEN), or standard input (piped, or with --token-stdin)',
    'org-admin-token': 'PAT_AUDIT_ORG_ADMIN_TOKEN',
    'github-token': 'PAT_AUDIT_GITHUB_TOKEN'
};
/** The environment variable that carries each token input other than `token`. */
const TOKEN_ENV = { 'org-admin-token': 'PAT_AUDIT_ORG_ADMIN_TOKEN', 'github-token': 'PAT_AUDIT_GITHUB_TOKEN' };
/** The value each option expects, as shown by --help. */
const VALUE_HINT = {
    mode: 'token|organization audit one token (default), or inventory every token of --organization (needs PAT_AUDIT_ORG_ADMIN_TOKEN)',
    'required-permissions': '"name: level, …"   permissions the token must hold (e.g. "contents: write, members: read")',
    repository: 'owner/repo         repository on which repository permissions are probed',
    organization: 'org                organization for organization permissions (default: owner of --repository)',
    'expiry-warn-days': 'N                  warn when N days or fewer remain (default 30)',
    'expiry-fail-days': 'N                  fail when N days or fewer remain (default 7)',
    'max-lifetime-days': 'N                  lifetime policy in days; 0 turns the check off (default 366)',
    'fail-on': 'error|warning|never exit 1 on errors, on warnings too, or never (default error)',
    'api-url': 'URL                REST API root (default https://api.github.com; GHES: https://HOST/api/v3)',
    'timeout-seconds': 'N                  deadline for the whole audit (default 60)',
    'report-excess': 'true|false         also list permissions held beyond the requirement (default false)',
    repositories: '"owner/repo, owner/*" repositories the token must reach',
    notify: 'none|issue         open/update a tracking issue (needs PAT_AUDIT_GITHUB_TOKEN and GITHUB_REPOSITORY)',
    'unused-days': 'N                  organization mode: report tokens unused for N days; 0 turns it off (default 90)',
    'pending-days': 'N                  organization mode: report requests waiting more than N days (default 7)',
    'broad-permissions': '"name: level, …"   organization mode: permissions that make a token broad, or none'
};
/** The options an audit takes, in action.yml's order. */
const OPTION_INPUTS = [...settings/* INPUT_NAMES */.Qh, ...inventory_settings/* INVENTORY_INPUT_NAMES */.Bz].filter((name) => !Object.hasOwn(TOKEN_SOURCES, name));
function usage(version) {
    const width = Math.max(...OPTION_INPUTS.map((n) => n.length)) + 4;
    return [
        `pat-audit ${version}: audits a GitHub personal access token, as the pat-audit action does.`,
        '',
        'Usage:',
        '  pat-audit [options]                     audit the token (exit status: as the action\'s fail-on)',
        '  pat-audit catalog [--markdown | --json] [--edition fpt|ghes]   list the permissions that can be audited',
        '',
        'Options (each is the action input of the same name):',
        ...OPTION_INPUTS.map((name) => `  --${name.padEnd(width)}${VALUE_HINT[name]}`),
        '',
        'Output:',
        `  --${'json'.padEnd(width)}print the report as JSON`,
        `  --${'markdown'.padEnd(width)}print the job summary as Markdown`,
        `  --${'no-color'.padEnd(width)}no colours (also NO_COLOR=1)`,
        `  --${'token-stdin'.padEnd(width)}read the token from standard input even when it is a terminal`,
        `  --${'version'.padEnd(width)}print the version`,
        `  --${'help'.padEnd(width)}print this help`,
        '',
        'Tokens are never accepted as arguments (they would show in the process list and the shell history):',
        ...Object.entries(TOKEN_SOURCES).map(([input, source]) => `  ${input.padEnd(width + 2)}${source}`)
    ].join('\n');
}
/** The one-line error for a token given as an argument. */
function tokenArgumentError(name) {
    const input = name;
    return `--${name} is not accepted: a token is never taken as an argument (it would show in the process list and the shell history). Pass it through the environment or standard input: ${TOKEN_SOURCES[input]}.`;
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/cli/version.ts
/** The package's version, for `pat-audit --version` (inlined into the bundle). */

const VERSION = package_namespaceObject.rE;

// EXTERNAL MODULE: ./src/run-audit.ts + 4 modules
var run_audit = __webpack_require__(1844);
// EXTERNAL MODULE: ./src/github/octokit-transport.ts + 5 modules
var octokit_transport = __webpack_require__(8731);
// EXTERNAL MODULE: ./src/report/view.ts
var view = __webpack_require__(4153);
// EXTERNAL MODULE: ./src/report/problems.ts
var problems = __webpack_require__(3300);
;// CONCATENATED MODULE: ./src/cli/terminal.ts


/** Whether to colour: a TTY, NO_COLOR unset or empty (https://no-color.org), TERM not dumb, no --no-color. */
function wantsColor(isTTY, env, noColorFlag = false) {
    return isTTY && !noColorFlag && !env.NO_COLOR && env.TERM !== 'dumb';
}
function paint(color) {
    const sgr = (code) => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    return { bold: sgr('1'), dim: sgr('2'), red: sgr('31'), yellow: sgr('33'), green: sgr('32'), underline: sgr('4') };
}
function renderTerminal(report, options = {}) {
    return terminalText((0,view/* summaryView */.km)(report), options);
}
function terminalText(view, options = {}) {
    const p = paint(options.color === true);
    const tone = view.result === 'pass' ? p.green : view.result === 'warn' ? p.yellow : p.red;
    const out = [];
    // A long URL is printed once; a later fix with the same link names it.
    const printed = new Set();
    out.push(p.bold(tone(`${view.icon} ${view.headline}`)));
    out.push(`   ${(0,problems/* plain */.pj)(view.facts.join(' · '))}`, '');
    for (const problem of view.problems) {
        const color = problem.severity === 'error' ? p.red : problem.severity === 'warning' ? p.yellow : (s) => s;
        out.push(color(p.bold(`${problems/* SEVERITY_ICON */._9[problem.severity]} ${(0,problems/* plain */.pj)(problem.title)}`)));
        for (const r of problem.reasons)
            out.push(`   ${r.subject ? `• ${r.subject}: ` : ''}${(0,problems/* plain */.pj)(r.text)}`);
        if (problem.fix)
            out.push(`   Fix: ${(0,problems/* plain */.pj)(problem.fix)}`);
        if (problem.link && printed.has(problem.link.url))
            out.push(`   → ${p.bold(problem.link.text)} (the same link as above)`);
        else if (problem.link) {
            out.push(`   → ${p.bold(problem.link.text)}: ${p.underline(problem.link.url)}`);
            printed.add(problem.link.url);
        }
        out.push('');
    }
    if (view.permissions.length > 0) {
        const nameWidth = Math.min(40, Math.max(10, ...view.permissions.map((r) => r.name.length)));
        out.push(p.bold('Permissions'));
        for (const row of view.permissions) {
            out.push(`   ${row.name.padEnd(nameWidth)}  ${row.level.padEnd(5)}  ${row.statusLabel}${row.title ? p.dim(`  (${row.title})`) : ''}`);
            for (const line of [...(row.reason ? [row.reason] : []), ...row.evidence])
                out.push(p.dim(`      ${(0,problems/* plain */.pj)(line)}`));
        }
        out.push('');
    }
    else if (view.noPermissions)
        out.push((0,problems/* plain */.pj)(view.noPermissions), '');
    for (const section of view.sections) {
        out.push(p.bold((0,problems/* plain */.pj)(section.summary)));
        for (const line of section.lines ?? [])
            out.push(`   ${(0,problems/* plain */.pj)(line)}`);
        for (const [k, v] of section.pairs ?? [])
            out.push(`   ${k}: ${(0,problems/* plain */.pj)(v)}`);
        out.push('');
    }
    if (view.replacement)
        out.push(`${(0,problems/* plain */.pj)(view.replacement.lead)} ${p.bold(view.replacement.link.text)}:`, `   ${p.underline(view.replacement.link.url)}`, '');
    out.push((0,problems/* plain */.pj)(view.token.join(' · ')), p.dim((0,problems/* plain */.pj)(view.footer)));
    return out.join('\n');
}
function renderInputErrorsTerminal(errors, options = {}) {
    return inputErrorsText(inputErrorsView(errors), options);
}
function inputErrorsText(view, options = {}) {
    const p = paint(options.color === true);
    return [p.bold(p.red(`${view.icon} ${view.headline}`)), `   ${plain(view.lead)}`, ...view.errors.map((e) => `   • ${plain(e)}`), `   Fix: ${plain(view.fix)}`].join('\n');
}

;// CONCATENATED MODULE: ./src/inventory/terminal.ts
const HEADLINE = { pass: '✅ Organization inventory passed', warn: '⚠️  Organization inventory: warnings', fail: '❌ Organization inventory failed' };
function todo(v) {
    switch (v.action) {
        case 'rotate':
            return `rotate: ${v.links.replacement ?? v.links.review}, then revoke: ${v.links.review}`;
        case 'revoke':
            return `revoke: ${v.links.review}`;
        case 'review-request':
            return `approve or deny: ${v.links.review}`;
        case 'none':
            return undefined;
    }
}
function renderInventoryTerminal(report, options = {}) {
    const paint = (code) => (s) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const bold = paint('1');
    const dim = paint('2');
    const tone = report.result === 'pass' ? paint('32') : report.result === 'warn' ? paint('33') : paint('31');
    const out = [bold(tone(`${HEADLINE[report.result]}: ${report.organization}`))];
    const c = report.counts;
    out.push(`   ${c.tokens} tokens · ${c.requests} pending requests · ${c.needsAction} need action · ${c.compliant} compliant`, '');
    for (const f of report.findings)
        out.push(`${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️ ' : 'ℹ️ '} ${bold(f.title)}`, `   ${f.message}`, '');
    const needing = report.entries.filter((v) => v.action !== 'none' || v.problems.length > 0);
    const shown = needing.slice(0, options.maxRows ?? 20);
    for (const v of shown) {
        const e = v.entry;
        const expires = e.expired ? 'expired' : e.expiresAt === null ? 'never expires' : `expires ${e.expiresAt.slice(0, 10)}`;
        out.push(`${bold(v.key)}  ${dim(`${expires} · last used ${e.lastUsedAt === null ? 'never' : e.lastUsedAt.slice(0, 10)} · repositories: ${e.repositorySelection}`)}`);
        out.push(`   ${v.problems.map((p) => p.text).join('; ')}`);
        const action = todo(v);
        if (action)
            out.push(`   → ${action}`);
    }
    if (needing.length > shown.length)
        out.push('', dim(`… and ${needing.length - shown.length} more: --json prints them all, and the job summary lists them.`));
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/**
 * `pat-audit` in a terminal: the same audit as the action, before a token is saved as a secret.
 *   PAT_AUDIT_TOKEN=… npx pat-audit --required-permissions "contents: write" --repository o/r
 *   echo "$TOKEN" | node dist/cli.js --required-permissions "members: read" --organization acme
 *   node dist/cli.js catalog [--markdown | --json] [--edition ghes]
 * The token comes from PAT_AUDIT_TOKEN, GITHUB_TOKEN or standard input, never from an argument (arguments are
 * visible in the process list and the shell's history). Exit status: as the action's (fail-on).
 */










const USAGE = usage(VERSION);
const VALUE_FLAGS = new Set([...OPTION_INPUTS, 'edition']);
const SWITCHES = new Set(['json', 'markdown', 'token-stdin', 'no-color', 'help', 'version']);
function parseArgs(argv) {
    const flags = new Map();
    const switches = new Set();
    let command = 'audit';
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (i === 0 && (arg === 'catalog' || arg === 'audit' || arg === 'help')) {
            command = arg;
            continue;
        }
        if (arg === '-h') {
            command = 'help';
            continue;
        }
        if (arg === '-V') {
            command = 'version';
            continue;
        }
        const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
        if (!m)
            return { error: `Unexpected argument '${arg.slice(0, 40)}'. See --help.` };
        const [, name, inline] = m;
        if (Object.hasOwn(TOKEN_SOURCES, name))
            return { error: tokenArgumentError(name) };
        if (SWITCHES.has(name)) {
            if (name === 'help')
                command = 'help';
            else if (name === 'version' && command !== 'help')
                command = 'version';
            switches.add(name);
            continue;
        }
        if (!VALUE_FLAGS.has(name))
            return { error: `Unknown option --${name}. See --help.` };
        const value = inline ?? argv[++i];
        if (value === undefined)
            return { error: `Option --${name} needs a value.` };
        flags.set(name, value);
    }
    return { command, flags, switches };
}
async function cli(argv, env, streams) {
    const parsed = parseArgs(argv);
    if ('error' in parsed) {
        streams.stderr(`pat-audit: ${parsed.error}\n`);
        return 2;
    }
    if (parsed.command === 'help') {
        streams.stdout(`${USAGE}\n`);
        return 0;
    }
    if (parsed.command === 'version') {
        streams.stdout(`${VERSION}\n`);
        return 0;
    }
    if (parsed.command === 'catalog') {
        const edition = parsed.flags.get('edition') ?? 'fpt';
        if (edition !== 'fpt' && edition !== 'ghes') {
            streams.stderr("pat-audit: --edition expects 'fpt' (GitHub.com) or 'ghes' (GitHub Enterprise Server 3.22).\n");
            return 2;
        }
        const catalog = (0,shipped/* shippedCatalog */.pZ)(edition);
        const text = parsed.switches.has('json') ? JSON.stringify(catalogJson(catalog)) : parsed.switches.has('markdown') ? catalogMarkdown(catalog) : catalogText(catalog);
        streams.stdout(`${text}\n`);
        return 0;
    }
    let token = env.PAT_AUDIT_TOKEN ?? env.GITHUB_TOKEN ?? '';
    // The organization inventory reads with PAT_AUDIT_ORG_ADMIN_TOKEN only: there is no token to audit.
    const organizationMode = (parsed.flags.get('mode') ?? '').trim().toLowerCase() === 'organization';
    if (!token.trim() && (parsed.switches.has('token-stdin') || (!streams.stdinIsTTY && !organizationMode)))
        token = (await streams.readStdin()).split(/\r?\n/)[0] ?? '';
    if (!token.trim() && !organizationMode) {
        streams.stderr('pat-audit: no token. Set PAT_AUDIT_TOKEN (or GITHUB_TOKEN), or pipe the token on standard input.\n');
        return 2;
    }
    const color = wantsColor(streams.stdoutIsTTY === true, env, parsed.switches.has('no-color'));
    const fromEnv = Object.fromEntries(Object.entries(TOKEN_ENV).map(([name, variable]) => [name, env[variable] ?? '']));
    const raw = { ...Object.fromEntries(parsed.flags), ...fromEnv, token };
    const run = await (0,run_audit/* runAudit */.b)(raw, env, {
        now: Date.now,
        makeTransport: octokit_transport/* transportFor */.JG,
        debug: (message) => {
            if (env.PAT_AUDIT_DEBUG)
                streams.stderr(`debug: ${message}\n`);
        }
    });
    for (const error of run.errors)
        streams.stderr(`pat-audit: ${error}\n`);
    // --markdown prints the job summary as the action writes it; otherwise the report is rendered for a terminal
    // (invalid inputs are said on standard error, one line each).
    if (parsed.switches.has('markdown') && run.summary !== undefined)
        streams.stdout(`${run.summary}\n`);
    else if (!parsed.switches.has('json') && run.report)
        streams.stdout(`${renderTerminal(run.report, { color })}\n`);
    else if (!parsed.switches.has('json') && run.inventory)
        streams.stdout(`${renderInventoryTerminal(run.inventory, { color })}\n`);
    if (run.failure)
        streams.stderr(`pat-audit: ${run.failure}\n`);
    if (parsed.switches.has('json'))
        streams.stdout(`${run.outputs.get('report') ?? '{}'}\n`);
    return run.errors.length > 0 || run.failure ? 1 : 0;
}
async function readAll() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/** The command line on this process: its arguments, environment and standard streams; sets the exit status. */
async function main() {
    process.exitCode = await cli(process.argv.slice(2), process.env, {
        stdout: (t) => void process.stdout.write(t),
        stderr: (t) => void process.stderr.write(t),
        readStdin: readAll,
        stdinIsTTY: process.stdin.isTTY === true,
        stdoutIsTTY: process.stdout.isTTY === true
    });
}


/***/ }),

/***/ 8081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FR: () => (/* binding */ replacementLink),
/* harmony export */   OX: () => (/* binding */ pendingRequestsLink),
/* harmony export */   cC: () => (/* binding */ REPLACEMENT_LINK_TEXT),
/* harmony export */   uM: () => (/* binding */ linkTo),
/* harmony export */   yV: () => (/* binding */ tokenListLink)
/* harmony export */ });
const REPLACEMENT_LINK_TEXT = 'Create the replacement token';
/** A link only for an http(s) URL (a URL read from an answer is data, not trusted markup). */
function linkTo(text, url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { text, url: parsed.href } : undefined;
    }
    catch {
        return undefined;
    }
}
function server(serverUrl) {
    return serverUrl.replace(/\/+$/, '');
}
function replacementLink(regenerateUrl) {
    return linkTo(REPLACEMENT_LINK_TEXT, regenerateUrl);
}
/** The signed-in user's fine-grained tokens, where repository access and permissions are edited. */
function tokenListLink(serverUrl) {
    return linkTo('Open your fine-grained tokens', `${server(serverUrl)}/settings/personal-access-tokens`);
}
/** Where an organization owner approves or denies pending token requests. */
function pendingRequestsLink(serverUrl, org) {
    return linkTo(`Review ${org}'s pending token requests`, `${server(serverUrl)}/organizations/${encodeURIComponent(org)}/settings/personal-access-token-requests`);
}


/***/ }),

/***/ 4153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jh: () => (/* binding */ inputErrorsView),
/* harmony export */   km: () => (/* binding */ summaryView)
/* harmony export */ });
/* unused harmony exports STATUS_ICON, TOKEN_KIND_SHORT, short */
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8850);
/* harmony import */ var _fix_links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8081);
/* harmony import */ var _when_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(272);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3300);




const STATUS_ICON = { granted: '✅', missing: '❌', inconclusive: '⚠️' };
const RESULT_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
const TOKEN_KIND_SHORT = {
    'fine-grained': 'fine-grained token',
    classic: 'classic token',
    oauth: 'OAuth app token',
    'github-app-user': 'GitHub App user token',
    'github-app-installation': 'GitHub App installation token',
    unknown: 'unrecognised token'
};
function summaryView(report) {
    const problems = (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .problemsOf */ .GW)(report.findings);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    const headline = report.result === 'fail'
        ? `Token audit failed: ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(errors, 'problem')}${warnings > 0 ? `, ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(warnings, 'warning')}` : ''}`
        : report.result === 'warn'
            ? `Token audit passed with ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(warnings, 'warning')}`
            : 'Token audit passed';
    const stated = new Set(report.findings.map((f) => f.message));
    const linked = problems.some((p) => p.link?.url === report.regenerateUrl);
    const replacement = (0,_fix_links_js__WEBPACK_IMPORTED_MODULE_2__/* .replacementLink */ .FR)(report.regenerateUrl);
    return {
        result: report.result,
        icon: RESULT_ICON[report.result],
        headline,
        facts: verdictFacts(report),
        problems,
        permissions: report.permissions.map((p) => permissionRow(p, stated)),
        ...(report.permissions.length === 0 ? { noPermissions: 'No permissions were required (`required-permissions` is empty): only the token itself was audited.' } : {}),
        token: tokenFacts(report),
        sections: sections(report),
        ...(!linked && replacement
            ? {
                replacement: {
                    lead: report.result === 'pass' ? 'When it is time to rotate it:' : 'A token with exactly the required permissions:',
                    link: { text: report.result === 'pass' ? 'Create a replacement with exactly these permissions' : _fix_links_js__WEBPACK_IMPORTED_MODULE_2__/* .REPLACEMENT_LINK_TEXT */ .cC, url: replacement.url }
                }
            }
            : {}),
        footer: `pat-audit · ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(report.stats.requests, 'request')} in ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDuration */ .AH)(report.stats.durationMs)} · ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDate */ .IV)(report.generatedAt)}`
    };
}
function inputErrorsView(errors) {
    return {
        icon: '❌',
        headline: 'Token audit did not run: invalid inputs',
        lead: `No request was sent to GitHub because of ${errors.length === 1 ? 'this input error' : `these ${errors.length} input errors`}:`,
        errors,
        fix: 'Correct the input named on each line in the step’s `with:` (each line says what it expects), then run the workflow again.'
    };
}
function verdictFacts(report) {
    const { repository, organization } = report.target;
    const where = repository ? (organization && organization.toLowerCase() !== repository.split('/')[0].toLowerCase() ? `\`${repository}\` in \`${organization}\`` : `\`${repository}\``) : organization ? `organization \`${organization}\`` : undefined;
    const t = report.token;
    const whose = `${TOKEN_KIND_SHORT[t.kind]}${t.owner ? ` of ${t.owner}` : ''}`;
    const expiry = t.expiresAt === null ? 'expiry unknown' : t.expiresAt === 'never' ? 'never expires' : `expires ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDate */ .IV)(t.expiresAt)}${t.daysRemaining !== null ? `, ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .daysPhrase */ .PU)(t.daysRemaining)}` : ''}`;
    return [...(where ? [where] : []), whose, expiry];
}
function tokenFacts(report) {
    const t = report.token;
    const out = [];
    const policy = t.lifetime.policyDays > 0 ? `at most ${t.lifetime.policyDays} days` : undefined;
    if (t.lifetime.compliant === 'true')
        out.push(`Lifetime policy${policy ? `, ${policy}` : ''}: ✅ met`);
    else if (t.lifetime.compliant === 'false')
        out.push(`Lifetime policy${policy ? `, ${policy}` : ''}: ❌ not met`);
    else
        out.push(`Lifetime policy: not checked (${t.lifetime.reason.replace(/\.$/, '')})`);
    if (t.scopes)
        out.push(`Scopes: ${t.scopes.length > 0 ? t.scopes.map((s) => `\`${s}\``).join(', ') : 'none'}`);
    return out;
}
function permissionRow(p, stated) {
    const plainTitle = p.title && p.title.toLowerCase().replace(/[^a-z]/g, '') !== p.name.toLowerCase().replace(/[^a-z]/g, '') ? p.title : undefined;
    return {
        name: p.name,
        ...(plainTitle ? { title: plainTitle } : {}),
        level: p.level,
        status: p.status,
        statusLabel: `${STATUS_ICON[p.status]} ${p.status}`,
        ...(stated.has(p.reason) ? {} : { reason: p.reason }),
        evidence: p.evidence.map((e) => {
            const status = e.status === 0 ? 'no answer' : String(e.status);
            const message = e.message && e.message !== 'OK' ? ` “${short(e.message)}”` : '';
            const accepted = e.acceptedPermissions ? ` · accepts \`${e.acceptedPermissions}\`` : '';
            const harmless = e.method === 'GET' ? '' : ` · harmless: ${e.safety}`;
            return `${e.role === 'alternative' ? 'also ' : ''}\`${e.method} ${e.shownPath ?? e.path}\` → ${status}${message}${accepted}${harmless}`;
        })
    };
}
function sections(report) {
    const out = [];
    if (report.excess) {
        const { permissions, undecided } = report.excess;
        const undecidedLine = undecided > 0 ? [`${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(undecided, 'other permission level')} could not be decided: no harmless request can check ${undecided === 1 ? 'it' : 'them'}, or GitHub's answer did not tell.`] : [];
        const byLevel = new Map();
        for (const entry of permissions) {
            const [name, level] = entry.split(':');
            byLevel.set(level, [...(byLevel.get(level) ?? []), `\`${name}\``]);
        }
        const listedHere = permissions.length > _report_js__WEBPACK_IMPORTED_MODULE_3__/* .LISTED_INLINE */ ._e ? [...byLevel].map(([level, names]) => `${level}: ${names.join(', ')}`) : [];
        // Held levels are listed by the excess problem when few; the section says what it does not.
        if (listedHere.length + undecidedLine.length > 0 || permissions.length === 0) {
            out.push({
                summary: `Beyond the requirement: ${permissions.length > 0 ? `${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(permissions.length, 'permission level')} held` : 'nothing held that a probe could prove'}${undecided > 0 ? `, ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .thousands */ .oh)(undecided)} undecided` : ''}`,
                ...(listedHere.length + undecidedLine.length > 0 ? { lines: [...listedHere, ...undecidedLine] } : {})
            });
        }
    }
    if (report.coverage) {
        const c = report.coverage;
        const reachable = c.checked - c.unreachable.length - c.undecided.length;
        out.push({
            summary: `Repository coverage: ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .thousands */ .oh)(reachable)} of ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.checked, 'repository', 'repositories')} reachable${c.unreachable.length > 0 ? `, ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .thousands */ .oh)(c.unreachable.length)} not` : ''}${c.undecided.length > 0 ? `, ${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .thousands */ .oh)(c.undecided.length)} undecided` : ''} (${(0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.requests, 'request')})`,
            ...(c.unreachable.length > _report_js__WEBPACK_IMPORTED_MODULE_3__/* .LISTED_INLINE */ ._e ? { lines: [`Unreachable: ${c.unreachable.map((r) => `\`${r}\``).join(', ')}`] } : {})
        });
    }
    const record = report.organizationRecord;
    if (record?.grant) {
        const g = record.grant;
        const permissions = Object.entries(g.permissions)
            .map(([n, l]) => `${n}: ${l}`)
            .sort();
        out.push({
            summary: `What ${record.organization} records for this token${g.tokenName ? `: “${g.tokenName}”` : ''}`,
            pairs: [
                ['Repository access', g.repositorySelection === 'all' ? 'all repositories' : g.repositorySelection === 'subset' ? 'selected repositories' : (g.repositorySelection ?? 'unknown')],
                ['Permissions', permissions.length > 0 ? permissions.map((p) => `\`${p}\``).join(', ') : 'none'],
                ['Access granted', g.accessGrantedAt ? (0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDate */ .IV)(g.accessGrantedAt) : 'unknown'],
                ['Last used', g.lastUsedAt ? (0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDate */ .IV)(g.lastUsedAt) : 'never'],
                ...(g.expiresAt ? [['Expires', (0,_when_js__WEBPACK_IMPORTED_MODULE_1__/* .personDate */ .IV)(g.expiresAt)]] : [])
            ]
        });
    }
    return out;
}
/** A message of GitHub's, shortened at a word when it is long. */
function short(text, max = 160) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    if (oneLine.length <= max)
        return oneLine;
    const cut = oneLine.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}


/***/ })

};
;