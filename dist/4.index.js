"use strict";
exports.id = 4;
exports.ids = [4,170];
exports.modules = {

/***/ 9004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildInputErrorsSummary: () => (/* binding */ buildInputErrorsSummary),
/* harmony export */   buildJobSummary: () => (/* binding */ buildJobSummary),
/* harmony export */   escapeHtml: () => (/* binding */ escapeHtml),
/* harmony export */   inline: () => (/* binding */ inline),
/* harmony export */   problemHtml: () => (/* binding */ problemHtml),
/* harmony export */   renderInputErrorsSummary: () => (/* binding */ renderInputErrorsSummary),
/* harmony export */   renderJobSummary: () => (/* binding */ renderJobSummary)
/* harmony export */ });
/* harmony import */ var _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1170);
/* harmony import */ var _report_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3300);
/* harmony import */ var _report_view_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4153);
/**
 * The job summary, built with @actions/core's summary builder (as actions/dependency-review-action builds
 * its own) from the report's view: the verdict line; each problem once with its fix and the link that performs
 * it; the permissions table, each status folding out to its evidence; short token facts; folded extras.
 * Everything is HTML that GitHub's Markdown keeps (GitHub's sanitiser allows these elements), and every text
 * is escaped: messages come from GitHub's answers and the inputs.
 */
// @actions/core's own summary module (core.summary is this object): its index would load all of undici at start-up.
// This module loads while the audit's requests are in flight (run-audit.ts), so its fs.promises does not delay them.



/** Escapes text for HTML, then shows `code` spans as code (long ones may break after a slash). */
function inline(text) {
    return escapeHtml(text).replace(/`([^`]+)`/g, (_, code) => `<code>${code.length > 30 ? code.replace(/\//g, '/<wbr>') : code}</code>`);
}
function escapeHtml(text) {
    // Enough for element content and double-quoted attribute values, the only places text goes.
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function link(text, url) {
    return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
function problemHtml(p) {
    const lines = [`${_report_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ICON */ ._9[p.severity]} <strong>${inline(p.title)}</strong>`];
    for (const r of p.reasons)
        lines.push(r.subject ? `• <code>${escapeHtml(r.subject)}</code>: ${inline(r.text)}` : inline(r.text));
    if (p.fix || p.link)
        lines.push(`<strong>Fix:</strong> ${p.fix ? inline(p.fix) : ''}${p.link ? ` → <strong>${link(p.link.text, p.link.url)}</strong>` : ''}`);
    return `<p>${lines.join('<br>')}</p>`;
}
function statusCell(row) {
    const body = [...(row.reason ? [inline(row.reason)] : []), ...row.evidence.map(inline)];
    return body.length > 0 ? `<details><summary>${escapeHtml(row.statusLabel)}</summary>${body.join('<br>')}</details>` : escapeHtml(row.statusLabel);
}
function sectionBody(s) {
    const lines = (s.lines ?? []).map((l) => `<p>${inline(l)}</p>`);
    const pairs = s.pairs ? `<table>${s.pairs.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${inline(v)}</td></tr>`).join('')}</table>` : '';
    return lines.join('') + pairs;
}
/** Adds the summary of a report to the builder (core.summary, or a test's). */
function buildJobSummary(view, s = _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary) {
    s.addHeading(`${view.icon} ${escapeHtml(view.headline)}`, 2);
    s.addRaw(`<p>${view.facts.map(inline).join(' · ')}</p>`, true);
    for (const p of view.problems)
        s.addRaw(problemHtml(p), true);
    if (view.permissions.length > 0) {
        s.addTable([
            [
                { data: 'Permission', header: true },
                { data: 'Level', header: true },
                { data: 'Status', header: true }
            ],
            ...view.permissions.map((row) => [`<code>${escapeHtml(row.name)}</code>${row.title ? ` ${escapeHtml(row.title)}` : ''}`, escapeHtml(row.level), statusCell(row)])
        ]);
    }
    else if (view.noPermissions)
        s.addRaw(`<p>${inline(view.noPermissions)}</p>`, true);
    for (const section of view.sections) {
        const body = sectionBody(section);
        if (body)
            s.addDetails(`<strong>${inline(section.summary)}</strong>`, body);
        else
            s.addRaw(`<p>${inline(section.summary)}</p>`, true);
    }
    if (view.replacement)
        s.addRaw(`<p>${inline(view.replacement.lead)} `).addLink(escapeHtml(view.replacement.link.text), escapeHtml(view.replacement.link.url)).addRaw('</p>', true);
    s.addRaw(`<p>${view.token.map(inline).join(' · ')}<br><sub>${inline(view.footer)}</sub></p>`, true);
    return s;
}
function buildInputErrorsSummary(view, s = _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary) {
    s.addHeading(`${view.icon} ${escapeHtml(view.headline)}`, 2);
    s.addRaw(`<p>${inline(view.lead)}</p>`, true);
    s.addList(view.errors.map(inline));
    s.addRaw(`<p><strong>Fix:</strong> ${inline(view.fix)}</p>`, true);
    return s;
}
/** Builds with the shared core.summary buffer and hands back the text, leaving the buffer as it was. */
function render(build) {
    const saved = _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary.stringify();
    _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary.emptyBuffer();
    try {
        build(_node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary);
        return _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary.stringify();
    }
    finally {
        _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_0__.summary.emptyBuffer().addRaw(saved);
    }
}
/** The job summary of a report, as the text the action writes. */
function renderJobSummary(report) {
    return render((s) => buildJobSummary((0,_report_view_js__WEBPACK_IMPORTED_MODULE_2__/* .summaryView */ .km)(report), s));
}
/** The job summary when inputs are invalid: the audit did not run, each input error, what to change. */
function renderInputErrorsSummary(errors) {
    return render((s) => buildInputErrorsSummary((0,_report_view_js__WEBPACK_IMPORTED_MODULE_2__/* .inputErrorsView */ .jh)(errors), s));
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


/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUMMARY_DOCS_URL: () => (/* binding */ SUMMARY_DOCS_URL),
/* harmony export */   SUMMARY_ENV_VAR: () => (/* binding */ SUMMARY_ENV_VAR),
/* harmony export */   markdownSummary: () => (/* binding */ markdownSummary),
/* harmony export */   summary: () => (/* binding */ summary)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ })

};
;