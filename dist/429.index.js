"use strict";
exports.id = 429;
exports.ids = [429];
exports.modules = {

/***/ 8191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notify: () => (/* binding */ notify)
/* harmony export */ });
/* harmony import */ var _inputs_required_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5945);
/* harmony import */ var _notify_tracking_issue_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4254);
/* harmony import */ var _run_audit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1844);



/** Opens, updates or closes the tracking issue; a failure here is a warning, never the audit's verdict. */
async function notify(settings, report, summary, deps, io, redact, deadline) {
    const [owner, repo] = (deps.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        io.annotate('warning', 'notify: issue needs the workflow repository (GITHUB_REPOSITORY), which is not set; no tracking issue was written.');
        return;
    }
    const server = (deps.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runUrl = deps.env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${deps.env.GITHUB_RUN_ID}` : undefined;
    const marker = (0,_notify_tracking_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .trackingMarker */ .MA)((0,_notify_tracking_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .trackingKey */ .d9)({ workflow: deps.env.GITHUB_WORKFLOW, job: deps.env.GITHUB_JOB, repository: report.target.repository, organization: report.target.organization, required: (0,_inputs_required_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPermissionList */ .TH)(settings.required) }));
    try {
        const client = deps.makeIssueClient(settings, { owner, repo }, redact, deadline);
        io.info(await (0,_notify_tracking_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .applyTracking */ .WR)(client, report, marker, summary, runUrl));
    }
    catch (error) {
        const status = error?.status;
        io.annotate('warning', `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${(0,_run_audit_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .U)(error, redact)}`, 'Tracking issue');
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