"use strict";
exports.id = 729;
exports.ids = [729];
exports.modules = {

/***/ 8729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  conclude: () => (/* binding */ conclude)
});

// EXTERNAL MODULE: ./src/audit/coverage.ts
var audit_coverage = __webpack_require__(573);
// EXTERNAL MODULE: ./src/audit/plan.ts
var plan = __webpack_require__(2308);
;// CONCATENATED MODULE: ./src/audit/org-record.ts

const RECORD_PAGE_SIZE = 100;
const RECORD_MAX_PAGES = 20;
function flatten(entry) {
    const permissions = {};
    for (const group of Object.values(entry.permissions ?? {}))
        for (const [name, level] of Object.entries(group ?? {}))
            permissions[name] = level;
    return {
        ...(entry.token_name !== undefined ? { tokenName: entry.token_name } : {}),
        ...(entry.token_id !== undefined ? { tokenId: entry.token_id } : {}),
        ...(entry.repository_selection !== undefined ? { repositorySelection: entry.repository_selection } : {}),
        permissions,
        ...(entry.access_granted_at !== undefined ? { accessGrantedAt: entry.access_granted_at } : {}),
        ...(entry.created_at !== undefined ? { createdAt: entry.created_at } : {}),
        ...(entry.token_last_used_at !== undefined ? { lastUsedAt: entry.token_last_used_at } : {}),
        ...(entry.token_expires_at !== undefined ? { expiresAt: entry.token_expires_at } : {})
    };
}
/** Same instant to the second, or both never-expiring. */
function sameExpiry(recorded, audited) {
    if (audited === null)
        return false;
    if (audited === 'never')
        return recorded === null || recorded === undefined;
    if (!recorded)
        return false;
    return Math.floor(Date.parse(recorded) / 1000) === Math.floor(Date.parse(audited) / 1000);
}
async function readOrgRecord(organization, login, expiresAt, send) {
    let requests = 0;
    const list = async (kind) => {
        const entries = [];
        const template = `/orgs/{org}/${kind}`;
        for (let page = 1; page <= RECORD_MAX_PAGES; page++) {
            const query = { per_page: String(RECORD_PAGE_SIZE), page: String(page), 'owner[]': login };
            requests++;
            const ev = await send((0,plan/* getProbe */.XS)(template, query), { method: 'GET', path: `/orgs/${encodeURIComponent(organization)}/${kind}`, query });
            if (ev.status !== 200 || !Array.isArray(ev.body))
                return ev;
            entries.push(...ev.body);
            if (ev.body.length < RECORD_PAGE_SIZE)
                break;
        }
        return entries;
    };
    const grants = await list('personal-access-tokens');
    if (!Array.isArray(grants)) {
        return { organization, candidates: 0, requests, unreadable: `GitHub answered ${grants.status || 'nothing'} "${grants.message}" to GET /orgs/${organization}/personal-access-tokens with org-admin-token; it needs a GitHub App installation token with the organization permission "Personal access tokens: read".` };
    }
    const mine = grants.filter((g) => g.owner?.login?.toLowerCase() === login.toLowerCase());
    const matching = mine.filter((g) => sameExpiry(g.token_expires_at, expiresAt));
    const grant = matching.length === 1 ? flatten(matching[0]) : undefined;
    let pendingRequest;
    if (!grant) {
        const pending = await list('personal-access-token-requests');
        if (Array.isArray(pending)) {
            const mineRequests = pending.filter((r) => r.owner?.login?.toLowerCase() === login.toLowerCase());
            const match = mineRequests.find((r) => sameExpiry(r.token_expires_at, expiresAt)) ?? (mineRequests.length === 1 ? mineRequests[0] : undefined);
            if (match)
                pendingRequest = flatten(match);
        }
    }
    return { organization, ...(grant ? { grant } : {}), ...(pendingRequest ? { pendingRequest } : {}), candidates: matching.length || mine.length, requests };
}

// EXTERNAL MODULE: ./src/verdicts/headers.ts
var headers = __webpack_require__(6176);
// EXTERNAL MODULE: ./src/verdicts/classify.ts + 2 modules
var classify = __webpack_require__(7651);
// EXTERNAL MODULE: ./src/verdicts/token-kind.ts
var token_kind = __webpack_require__(1874);
;// CONCATENATED MODULE: ./src/facts/scopes.ts
/**
 * GitHub's classic scope hierarchy: which scopes include which others. Written once, here, from GitHub's
 * "Scopes for OAuth apps" page (where the page says nothing, the quote says so and names the tool the inclusion rests
 * on; reviewed against /work/research/scopes.json in issue 11); the simulator keeps its own copy on purpose (tools/simulator), and
 * __tests__/unit/facts.test.ts holds both to the quotes below so neither can drift from the page.
 */
const SCOPES_SOURCE = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';
const SCOPE_INCLUSIONS = [
    {
        scope: 'repo',
        includes: ['public_repo', 'repo:status', 'repo_deployment', 'repo:invite', 'security_events'],
        quote: 'repo: Grants full access to public, internal, and private repositories including read and write access to code, commit statuses, repository invitations, collaborators, deployment statuses, and repository webhooks.'
    },
    {
        // Settles `repo` → `*:repo_hook`: the page says repo grants repository webhooks, and admin:repo_hook's entry
        // says the repo scope includes repository hooks.
        scope: 'repo',
        includes: ['admin:repo_hook', 'write:repo_hook', 'read:repo_hook'],
        quote: 'admin:repo_hook: Grants read, write, ping, and delete access to repository hooks in public or private repositories. The repo and public_repo scopes grant full access to repositories, including repository hooks. Use the admin:repo_hook scope to limit access to only repository hooks.'
    },
    { scope: 'admin:repo_hook', includes: ['write:repo_hook', 'read:repo_hook'], quote: 'The scope table lists write:repo_hook, read:repo_hook under admin:repo_hook.' },
    { scope: 'write:repo_hook', includes: ['read:repo_hook'], quote: 'The scope table lists read:repo_hook under write:repo_hook.' },
    { scope: 'admin:org', includes: ['write:org', 'read:org', 'manage_runners:org'], quote: 'The scope table lists write:org, read:org under admin:org; manage_runners:org is not on the page (github/docs#39414): it rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63 (AdminOrg: WriteOrg, ReadOrg, ManageRunnersOrg).' },
    { scope: 'write:org', includes: ['read:org'], quote: 'The scope table lists read:org under write:org.' },
    { scope: 'admin:public_key', includes: ['write:public_key', 'read:public_key'], quote: 'The scope table lists write:public_key, read:public_key under admin:public_key.' },
    { scope: 'write:public_key', includes: ['read:public_key'], quote: 'The scope table lists read:public_key under write:public_key.' },
    { scope: 'admin:gpg_key', includes: ['write:gpg_key', 'read:gpg_key'], quote: 'The scope table lists write:gpg_key, read:gpg_key under admin:gpg_key.' },
    { scope: 'write:gpg_key', includes: ['read:gpg_key'], quote: 'The scope table lists read:gpg_key under write:gpg_key.' },
    { scope: 'admin:ssh_signing_key', includes: ['write:ssh_signing_key', 'read:ssh_signing_key'], quote: 'Not on the page: the ssh_signing_key family rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63, which lists it like the gpg_key family.' },
    { scope: 'write:ssh_signing_key', includes: ['read:ssh_signing_key'], quote: 'Not on the page: the ssh_signing_key family rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63, which lists it like the gpg_key family.' },
    { scope: 'user', includes: ['read:user', 'user:email', 'user:follow'], quote: 'The scope table lists read:user, user:email, user:follow under user.' },
    { scope: 'project', includes: ['read:project'], quote: 'The scope table lists read:project under project.' },
    { scope: 'write:packages', includes: ['read:packages'], quote: 'The page lists the package scopes side by side, not indented; the inclusion rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63 (WritePackages: ReadPackages).' },
    { scope: 'codespace', includes: ['codespace:secrets'], quote: 'codespace:secrets is not on the page; the inclusion rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63.' },
    { scope: 'admin:enterprise', includes: ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'], quote: 'The scope table lists manage_runners:enterprise, manage_billing:enterprise, read:enterprise under admin:enterprise.' }
];
/** scope → the scopes it directly includes, built from the documented inclusions above. */
const SCOPE_IMPLIES = SCOPE_INCLUSIONS.reduce((out, { scope, includes }) => {
    out[scope] = [...(out[scope] ?? []), ...includes.filter((s) => !(out[scope] ?? []).includes(s))];
    return out;
}, {});

;// CONCATENATED MODULE: ./src/verdicts/classic-scopes.ts

/** Every scope a token effectively holds, its own and the ones they include. */
function expandScopes(scopes) {
    const held = new Set();
    const visit = (scope) => {
        if (held.has(scope))
            return;
        held.add(scope);
        for (const implied of SCOPE_IMPLIES[scope] ?? [])
            visit(implied);
    };
    scopes.forEach(visit);
    return held;
}
const REPO = { read: ['repo'], write: ['repo'] };
const ORG_READ_ADMIN_WRITE = { read: ['read:org'], write: ['admin:org'] };
/** permission → level → any one of these scopes grants it. */
const CLASSIC_SCOPES = {
    actions: REPO,
    actions_variables: REPO,
    administration: REPO,
    contents: REPO,
    deployments: { read: ['repo_deployment'], write: ['repo_deployment'] },
    environments: REPO,
    issues: REPO,
    metadata: { read: ['repo', 'public_repo', 'read:org'] },
    pages: REPO,
    pull_requests: REPO,
    repository_hooks: { read: ['read:repo_hook'], write: ['write:repo_hook'] },
    secrets: REPO,
    security_events: { read: ['security_events'], write: ['security_events'] },
    statuses: { read: ['repo:status'], write: ['repo:status'] },
    vulnerability_alerts: { read: ['security_events'], write: ['security_events'] },
    secret_scanning_alerts: { read: ['security_events'], write: ['security_events'] },
    repository_advisories: REPO,
    dependabot_secrets: REPO,
    codespaces: { read: ['codespace'], write: ['codespace'] },
    codespaces_secrets: { write: ['codespace:secrets'] },
    workflows: { write: ['workflow'] },
    members: { read: ['read:org'], write: ['write:org'] },
    organization_administration: ORG_READ_ADMIN_WRITE,
    organization_secrets: { read: ['admin:org'], write: ['admin:org'] },
    organization_actions_variables: { read: ['admin:org'], write: ['admin:org'] },
    organization_self_hosted_runners: { read: ['manage_runners:org'], write: ['manage_runners:org'] },
    organization_hooks: { read: ['admin:org_hook'], write: ['admin:org_hook'] },
    organization_copilot_seat_management: { read: ['manage_billing:copilot', 'read:org'], write: ['manage_billing:copilot'] },
    organization_copilot_metrics: { read: ['manage_billing:copilot', 'read:org', 'read:enterprise'] },
    organization_projects: { read: ['read:project'], write: ['project'] },
    organization_dependabot_secrets: { read: ['admin:org'], write: ['admin:org'] },
    organization_codespaces_secrets: { read: ['admin:org'], write: ['admin:org'] },
    organization_user_blocking: { read: ['admin:org'], write: ['admin:org'] },
    emails: { read: ['user:email'], write: ['user'] },
    followers: { read: ['user:follow', 'read:user'], write: ['user:follow'] },
    keys: { read: ['read:public_key'], write: ['write:public_key'] },
    gpg_keys: { read: ['read:gpg_key'], write: ['write:gpg_key'] },
    git_signing_ssh_public_keys: { read: ['read:ssh_signing_key'], write: ['write:ssh_signing_key'] },
    gists: { write: ['gist'] },
    profile: { write: ['user'] },
    blocking: { read: ['user'], write: ['user'] },
    plan: { read: ['read:user'] },
    starring: { read: ['public_repo'], write: ['public_repo'] },
    watching: { read: ['notifications', 'repo'] },
    codespaces_user_secrets: { read: ['codespace'], write: ['codespace'] }
};
/** Which scopes would grant a permission at a level; undefined when no documented mapping exists. */
function scopesGranting(permission, level) {
    const rule = CLASSIC_SCOPES[permission];
    if (!rule)
        return undefined;
    // admin is only used by a few organization permissions; the write scopes are the closest classic equivalent.
    return rule[level] ?? (level === 'admin' ? rule.write : undefined) ?? (level === 'read' ? rule.write : undefined);
}
function decideFromScopes(permission, level, held) {
    const granting = scopesGranting(permission, level);
    if (!granting)
        return undefined;
    const by = granting.find((s) => held.has(s));
    return by ? { granted: true, by } : { granted: false, needs: granting };
}

;// CONCATENATED MODULE: ./src/verdicts/visibility.ts
const GATOX = 'https://github.com/AdnaneKhan/gato-x/blob/ef8168d4620114ee190926d09e496ac80bb2ace9/gatox/enumerate/finegrained_enumeration.py#L357-L361';
const TRUFFLEHOG = 'https://github.com/trufflesecurity/trufflehog/blob/3ab759fef4bb5935d4fe9ac68b503d05346b8364/pkg/analyzer/analyzers/github/finegrained/finegrained.go';
/** The docs page of each operation below has no "can be used without authentication … public resources" sentence. */
const NO_PUBLIC_SENTENCE = 'The fine-grained token must have the following permission set';
/**
 * Operations whose answer GitHub never serves without the permission, even on a public repository: their data is
 * never public (collected in /work/research/public-data.json, reviewed). Keyed `METHOD /template`.
 */
const PRIVATE_DATA_OPERATIONS = new Map([
    [
        'GET /repos/{owner}/{repo}/actions/secrets',
        { source: GATOX, quote: 'public_probe_map = { "administration:read": ".../actions/permissions", "secrets:read": ".../actions/secrets", "variables:read": ".../actions/variables" } (used when the repository is public); OpenAPI actions/list-repo-secrets: "Authenticated users must have collaborator access to a repository to create, update, or read secrets."', also: [`${TRUFFLEHOG}#L931-L945`] }
    ],
    [
        'GET /repos/{owner}/{repo}/actions/variables',
        { source: 'https://docs.github.com/rest/actions/variables#list-repository-variables', quote: `Authenticated users must have collaborator access to a repository to create, update, or read variables. ${NO_PUBLIC_SENTENCE}: "Variables" repository permissions (read)`, also: [GATOX] }
    ],
    [
        'GET /repos/{owner}/{repo}/actions/permissions',
        { source: 'https://docs.github.com/rest/actions/permissions#get-github-actions-permissions-for-a-repository', quote: `${NO_PUBLIC_SENTENCE}: "Administration" repository permissions (read)`, also: [GATOX, `${TRUFFLEHOG}#L195-L209`] }
    ],
    [
        'GET /repos/{owner}/{repo}/hooks',
        { source: 'https://docs.github.com/rest/repos/webhooks#list-repository-webhooks', quote: `${NO_PUBLIC_SENTENCE}: "Webhooks" repository permissions (read)`, also: [`${TRUFFLEHOG}#L1003-L1017`] }
    ],
    [
        'GET /repos/{owner}/{repo}/keys',
        { source: 'https://github.com/github/docs/blob/3addeadbee1b375e76d51d7387a55c610f16b212/src/rest/data/fpt-2022-11-28/deploy-keys.json', quote: 'progAccess of "List deploy keys": permissions [{ "\\"Administration\\" repository permissions": "read" }] and no allowsPublicRead (the flag the docs render as "can be used without authentication … public resources")' }
    ],
    [
        'GET /repos/{owner}/{repo}/dependabot/alerts',
        { source: 'https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository', quote: `OAuth app tokens and personal access tokens (classic) need the security_events scope to use this endpoint. If this endpoint is only used with public repositories, the token can use the public_repo scope instead. ${NO_PUBLIC_SENTENCE}: "Dependabot alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L477-L493`] }
    ],
    [
        'GET /repos/{owner}/{repo}/code-scanning/alerts',
        { source: 'https://docs.github.com/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-a-repository', quote: `${NO_PUBLIC_SENTENCE}: "Code scanning alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L231-L249`] }
    ],
    [
        'GET /repos/{owner}/{repo}/secret-scanning/alerts',
        { source: 'https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository', quote: `The authenticated user must be an administrator for the repository or for the organization that owns the repository to use this endpoint. ${NO_PUBLIC_SENTENCE}: "Secret scanning alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L895-L909`] }
    ],
    [
        'GET /repos/{owner}/{repo}/dependabot/secrets',
        { source: 'https://docs.github.com/rest/dependabot/secrets#list-repository-secrets', quote: `${NO_PUBLIC_SENTENCE}: "Dependabot secrets" repository permissions (read)`, also: [`${TRUFFLEHOG}#L513-L527`] }
    ],
    [
        'GET /repos/{owner}/{repo}/codespaces/secrets',
        { source: 'https://docs.github.com/rest/codespaces/repository-secrets#list-repository-secrets', quote: `${NO_PUBLIC_SENTENCE}: "Codespaces secrets" repository permissions (write)` }
    ]
]);
/** `private` / `visibility` of GitHub's repository answer (GET /repos/{owner}/{repo}). */
function visibilityOf(ev) {
    if (!ev || ev.status !== 200 || !ev.body || typeof ev.body !== 'object')
        return 'unknown';
    const body = ev.body;
    if (body.visibility === 'public' || body.visibility === 'private' || body.visibility === 'internal')
        return body.visibility;
    if (body.private === true)
        return 'private';
    if (body.private === false)
        return 'public';
    return 'unknown';
}
const PUBLIC_DATA_PROOF = "To prove it, audit with a private repository in the token's selection as `repository`, or give `org-admin-token` so that the organization's record of the token decides.";
/**
 * The decision a repository probe's answer supports once the repository's visibility is known: a decision that rests
 * on GitHub letting the request through (granted, or a 404 / 409 / 422 read as passing the check) becomes inconclusive
 * on a public, internal or unknown-visibility repository unless the operation's data is never public.
 */
function limitByVisibility(probe, context, decision, visibility) {
    if (context !== 'repository' || decision.status !== 'granted' || visibility === 'private')
        return decision;
    if (PRIVATE_DATA_OPERATIONS.has(probe.id))
        return decision;
    if (visibility === 'unknown') {
        return {
            status: 'inconclusive',
            code: 'visibility-unknown',
            reason: `GitHub let the probe through, but the repository's visibility is unknown (its own answer did not say), and on a public repository GitHub answers any token here. ${PUBLIC_DATA_PROOF}`
        };
    }
    return {
        status: 'inconclusive',
        code: 'public-data',
        reason: `${visibility === 'public' ? 'Public' : 'Internal'} repository: GitHub answers any token here (${decision.reason.replace(/\.$/, '')}), so the answer proves nothing about the token's permission. ${PUBLIC_DATA_PROOF}`
    };
}

;// CONCATENATED MODULE: ./src/verdicts/pending.ts
function approvalPage(serverUrl, org) {
    return `${serverUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/settings/personal-access-token-requests`;
}
function approvalFix(serverUrl, org) {
    return `Ask an owner of ${org} to approve the token's request: organization settings → Personal access tokens → Pending requests (${approvalPage(serverUrl, org)}). If it is not pending, grant what it lacks or select the repository.`;
}
/**
 * The possibility that the token waits for approval, when the evidence fits it: public reads answered while GitHub
 * refused the token on the organization's resources.
 */
function pendingApprovalFinding(i) {
    if (i.kind !== 'fine-grained' || !i.organization || i.recordRead || i.repositoryUnreachable)
        return undefined;
    const publicReads = i.permissions.filter((p) => p.code === 'public-data');
    const refused = i.permissions.filter((p) => p.status === 'missing' && (p.scope === 'organization' || p.scope === 'repository'));
    if (publicReads.length === 0 || refused.length === 0)
        return undefined;
    return {
        severity: 'warning',
        code: 'pending-approval-possible',
        title: `The token may be waiting for ${i.organization}'s approval`,
        message: `GitHub answered its public reads (${publicReads.map((p) => `${p.name}: ${p.level}`).join(', ')}) but refused ${refused.map((p) => `${p.name}: ${p.level}`).join(', ')} on ${i.organization}'s resources. A fine-grained token pending an organization owner's approval can only read public resources; so can a token that lacks these permissions.`,
        fix: approvalFix(i.serverUrl, i.organization)
    };
}
/** Why a repository answered 404, in words that fit the token's kind (only fine-grained tokens select repositories or wait for approval). */
function unreachableRepositoryText(kind) {
    if (kind === 'classic' || kind === 'oauth') {
        return {
            message: 'GitHub answered 404 for the repository: the token lacks the `repo` scope (a classic token needs it for private repositories), its user has no access to the repository, or the repository does not exist.',
            fix: 'Add the `repo` scope to the token (or better, create a fine-grained replacement with the link below), give the token\'s user access to the repository, or check the `repository` input.'
        };
    }
    return {
        message: 'GitHub answered 404 for the repository: it is not selected for this token, the token is pending an organization owner\'s approval (it can then only read public resources), or the repository does not exist.',
        fix: 'Edit the token\'s repository access to include it, ask an organization owner to approve the token, or check the `repository` input.'
    };
}
/**
 * A fine-grained token refused on an organization's resource may hold the permission but wait for approval: the fix of
 * a missing repository or organization permission then also says who approves and where.
 */
function withApprovalHint(p, kind, organization, serverUrl) {
    if (kind !== 'fine-grained' || !organization || p.status !== 'missing' || p.code !== 'not-accessible' || p.scope === 'account')
        return p;
    return {
        ...p,
        fix: `${p.fix ? `${p.fix} ` : ''}If the token is waiting for ${organization}'s approval (it then reads public resources only), an owner of ${organization} approves it under organization settings → Personal access tokens → Pending requests (${approvalPage(serverUrl, organization)}).`
    };
}

// EXTERNAL MODULE: ./src/catalog/probe-basis.ts
var probe_basis = __webpack_require__(8434);
;// CONCATENATED MODULE: ./src/audit/shown-path.ts
/**
 * A probe's path as a person reads it: the random values that make a write harmless are shown as their
 * parameter's name (`/repos/acme/infra/issues/{issue_number}/sub_issue`), the rest as sent.
 */
function shownPath(template, path, randomParams) {
    const t = template.split('/');
    const p = path.split('/');
    if (t.length !== p.length)
        return path;
    return t.map((segment, i) => (/^\{(.+)\}$/.exec(segment) && randomParams.includes(segment.slice(1, -1)) ? segment : p[i])).join('/');
}

;// CONCATENATED MODULE: ./src/verdicts/permissions.ts








function evidenceRecord(planned, ev, role) {
    const safety = planned.probe.safety;
    return {
        method: ev.method,
        path: ev.path,
        status: ev.status,
        message: ev.message,
        role,
        safety: safety.kind === 'read-only' ? 'read-only (GET)' : safety.kind === 'random-target' ? `random {${safety.param}}: names nothing that exists` : `random parent {${safety.param}} and a body without the required '${safety.missingField}'`,
        ...(planned.probe.randomParams.length > 0 ? { shownPath: shownPath(planned.probe.template, ev.path, planned.probe.randomParams) } : {}),
        ...(ev.headers['x-accepted-github-permissions'] !== undefined ? { acceptedPermissions: ev.headers['x-accepted-github-permissions'] } : {}),
        ...(ev.headers['x-github-request-id'] !== undefined ? { requestId: ev.headers['x-github-request-id'] } : {}),
        ...((0,probe_basis/* basisOf */.gp)(planned.probe) ? { basis: (0,probe_basis/* basisText */.GB)((0,probe_basis/* basisOf */.gp)(planned.probe)) } : {})
    };
}
/** One probe's verdict for one permission: its evidence, then what the repository's visibility lets it prove. */
function classified(name, level, planned, ev, inputs) {
    const decision = (0,classify/* classifyEvidence */.M8)(name, planned, ev, inputs.reach, { level, ...(inputs.held ? { held: inputs.held } : {}) });
    return limitByVisibility(planned.probe, planned.context, decision, inputs.visibility ?? 'unknown');
}
function decidePermission(pp, inputs) {
    const { name, level } = pp.required;
    const base = {
        name,
        level,
        ...(pp.info ? { title: pp.info.title, scope: pp.info.scope } : {})
    };
    const finish = (decision, evidence, extra = {}) => ({
        ...base,
        status: decision.status,
        code: decision.code,
        reason: decision.reason,
        ...extra,
        ...(fixFor(decision) ? { fix: fixFor(decision) } : {}),
        evidence
    });
    if (!pp.info)
        return finish({ status: 'inconclusive', code: 'not-on-server', reason: pp.notProbed ?? 'Unknown on this server.' }, []);
    if (!pp.planned) {
        if ((0,token_kind/* holdsScopes */.ee)(inputs.kind) && inputs.scopes) {
            const byScope = scopeDecision(name, level, inputs.scopes);
            if (byScope && byScope.status === 'missing')
                return finish(byScope, []);
        }
        if (pp.notProbed === plan/* LOGIN_UNKNOWN */.ny && inputs.skipped)
            return finish(inputs.skipped, []);
        return finish({ status: 'inconclusive', code: pp.notProbed === plan/* LOGIN_UNKNOWN */.ny ? 'network' : 'uncheckable', reason: pp.notProbed ?? 'Cannot be checked.' }, []);
    }
    const ev = inputs.evidence.get(pp.planned);
    if (!ev)
        return finish(inputs.skipped ?? { status: 'inconclusive', code: 'deadline', reason: 'Not probed.' }, []);
    const records = [evidenceRecord(pp.planned, ev, 'probe')];
    const decision = classified(name, level, pp.planned, ev, inputs);
    if ((0,token_kind/* holdsScopes */.ee)(inputs.kind)) {
        const byScope = inputs.scopes ? scopeDecision(name, level, inputs.scopes) : undefined;
        if (byScope?.status === 'missing')
            return finish(byScope, records);
        // Only fine-grained tokens select repositories or wait for approval.
        if (decision.code === 'repository-unreachable')
            return finish({ ...decision, reason: unreachableRepositoryText(inputs.kind).message }, records);
        // Scopes say granted (or cannot say): the probe must not contradict it.
        if (decision.status === 'granted')
            return finish(byScope ?? decision, records);
        if (decision.status === 'missing') {
            return finish({ status: 'inconclusive', code: 'refused-other', reason: `${byScope ? `${byScope.reason} ` : ''}Yet GitHub refused the probe: ${decision.reason}` }, records);
        }
        return finish(decision, records);
    }
    if (decision.status !== 'granted' || pp.alternatives.length === 0)
        return finish(decision, records);
    // The probe accepts other permissions too: which one let it through?
    const alternatives = pp.alternatives.map((alt) => {
        const altEv = alt.planned ? inputs.evidence.get(alt.planned) : undefined;
        if (alt.planned && altEv)
            records.push(evidenceRecord(alt.planned, altEv, 'alternative'));
        const altDecision = alt.planned && altEv ? classified(alt.name, alt.level, alt.planned, altEv, { ...inputs, held: undefined }) : undefined;
        return { label: `${alt.name}: ${alt.level}`, status: altDecision?.status };
    });
    const held = alternatives.find((a) => a.status === 'granted');
    if (held) {
        return finish({
            status: 'inconclusive',
            code: 'satisfied-by-alternative',
            reason: `GitHub let the probe through, but this endpoint also accepts ${held.label}, which the token holds: satisfied through ${held.label}. Whether '${name}' itself is held cannot be told from it.`
        }, records, { satisfiedBy: held.label });
    }
    if (alternatives.every((a) => a.status === 'missing')) {
        return finish({ ...decision, reason: `${decision.reason} The endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, which the token lacks, so '${name}' let it through.` }, records);
    }
    return finish({
        status: 'inconclusive',
        code: 'alternative-unknown',
        reason: `GitHub let the probe through, but this endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, and whether the token holds ${alternatives.length > 1 ? 'them' : 'it'} could not be told.`
    }, records);
}
function scopeDecision(name, level, scopes) {
    const decided = decideFromScopes(name, level, expandScopes(scopes));
    const listed = scopes.length > 0 ? scopes.join(', ') : 'no scopes';
    if (!decided)
        return { status: 'inconclusive', code: 'no-scope-mapping', reason: `No classic scope is documented to grant '${name}: ${level}'; the token holds ${listed}.` };
    if (decided.granted)
        return { status: 'granted', code: 'scope-granted', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include '${decided.by}', which grants it.` };
    return { status: 'missing', code: 'scope-missing', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include none of ${decided.needs.map((s) => `'${s}'`).join(', ')}, which it needs.` };
}
function fixFor(decision) {
    switch (decision.code) {
        case 'not-accessible':
            return 'Add what is missing to the token in its settings, or create a replacement with exactly the required permissions.';
        case 'scope-missing':
            return 'Add the scope to the classic token, or better, create a fine-grained replacement with exactly the required permissions.';
        case 'repository-unreachable':
            return 'Select the repository in the token\'s repository access, or ask an organization owner to approve the token.';
        case 'uncheckable':
        case 'not-on-server':
            return undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/verdicts/token.ts



const DAY = 86_400_000;
/** Conditions that stop the token on a resource (401, SSO, lifetime policy, classic refused, rate limit), each once. */
function collectBlockings(evidence) {
    const blockings = new Map();
    for (const ev of evidence) {
        const b = (0,classify/* blockingCondition */.hh)(ev);
        if (b && !blockings.has(b.code))
            blockings.set(b.code, b);
    }
    return blockings;
}
function decideToken(inputs) {
    const { kind, now } = inputs;
    const header = inputs.identity.headers['github-authentication-token-expiration'];
    let expiresAt;
    // Only a successful answer says anything by lacking the header: error and rate-limit answers carry no token headers.
    const successful = inputs.identity.status >= 200 && inputs.identity.status < 300;
    if (inputs.authenticated)
        expiresAt = header === undefined ? (successful ? 'never' : undefined) : (0,headers/* parseExpiration */.lG)(header);
    const daysRemaining = expiresAt instanceof Date ? Math.floor((expiresAt.getTime() - now) / DAY) : null;
    const policy = inputs.blockings.get('lifetime-policy');
    const report = {
        kind,
        ...(inputs.login ? { owner: inputs.login } : {}),
        expiresAt: expiresAt === undefined ? null : expiresAt === 'never' ? 'never' : expiresAt.toISOString(),
        daysRemaining,
        lifetime: lifetimeCompliance(kind, expiresAt, inputs.maxLifetimeDays, policy, now),
        ...(inputs.scopes ? { scopes: inputs.scopes } : {})
    };
    const unreadable = inputs.authenticated && header !== undefined && expiresAt === undefined;
    return { report, ...(unreadable ? { unreadableExpiry: header } : {}), ...(policy ? { policy } : {}) };
}
function lifetimeCompliance(kind, expiresAt, maxLifetimeDays, policy, now) {
    const policyDays = policy ? (maxLifetimeDays > 0 ? Math.min(maxLifetimeDays, policy.maxDays) : policy.maxDays) : maxLifetimeDays;
    const base = { policyDays, ...(policy ? { organizationLimitDays: policy.maxDays } : {}) };
    const verdict = (compliant, reason) => ({ ...base, compliant, reason });
    if (policy)
        return verdict('false', `GitHub refused the token: the organization allows at most ${policy.maxDays} days.`);
    if (maxLifetimeDays === 0)
        return verdict('unknown', 'The lifetime check is off (max-lifetime-days: 0).');
    if (!(0,token_kind/* isPersonalAccessToken */.yK)(kind))
        return verdict('unknown', 'Lifetime policies apply to personal access tokens only.');
    if (expiresAt === undefined)
        return verdict('unknown', 'The expiry is unknown.');
    if (expiresAt === 'never')
        return verdict('false', `The token never expires; the policy allows at most ${maxLifetimeDays} days.`);
    const daysLeft = (expiresAt.getTime() - now) / DAY;
    if (daysLeft > maxLifetimeDays)
        return verdict('false', `The token expires in ${Math.floor(daysLeft)} days, beyond the ${maxLifetimeDays}-day policy.`);
    return verdict('true', `The token expires within the ${maxLifetimeDays}-day policy.`);
}

// EXTERNAL MODULE: ./src/verdicts/identity.ts
var verdicts_identity = __webpack_require__(7106);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/verdicts/record.ts

/** Where GitHub's record and the probes disagree about a required permission. */
function compareWithProbes(record, required, decided) {
    const out = [];
    for (const r of required) {
        const probe = decided.find((p) => p.name === r.name && p.level === r.level);
        if (!probe || probe.status === 'inconclusive')
            continue;
        const recordedLevel = record.permissions[r.name];
        const recordSays = recordedLevel !== undefined && ['read', 'write', 'admin'].includes(recordedLevel) && (0,types/* levelCovers */.TP)(recordedLevel, r.level);
        if (probe.status === 'granted' && !recordSays) {
            out.push(`${r.name}: ${r.level} — the probe proved it granted, but the organization's record ${recordedLevel ? `says ${recordedLevel}` : 'does not list it'}.`);
        }
        else if (probe.status === 'missing' && recordSays) {
            out.push(`${r.name}: ${r.level} — the organization's record says ${recordedLevel}, but GitHub refused the probe.`);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/verdicts/excess.ts
var verdicts_excess = __webpack_require__(3571);
// EXTERNAL MODULE: ./src/verdicts/conditions.ts
var conditions = __webpack_require__(1966);
;// CONCATENATED MODULE: ./src/audit/verified.ts
/** Decision codes that mean the request got no usable answer: nothing about the token was learnt. */
const UNANSWERED = new Set(['network', 'server-error', 'deadline', 'bad-response']);
/** Why nothing was verified, or undefined when something was. */
function whyNothingVerified({ identity, permissions }) {
    if (identity.status === 0)
        return `GitHub could not be reached: ${identity.message}`;
    if (identity.failure !== undefined)
        return `GET /user was not answered with GitHub's JSON (${identity.status}): ${identity.message}`;
    if (identity.status >= 500)
        return `GET /user answered ${identity.status} (after retries): GitHub did not answer who the token belongs to.`;
    const decided = permissions.some((p) => p.status !== 'inconclusive');
    const unanswered = permissions.filter((p) => p.status === 'inconclusive' && UNANSWERED.has(p.code));
    if (!decided && unanswered.length > 0) {
        return `No probe was answered usefully (${unanswered.map((p) => `${p.name}: ${p.level}`).join(', ')}): ${unanswered[0].reason}`;
    }
    return undefined;
}
/** `code`: `api-unreachable` (no answer), `api-unexpected` (not GitHub's JSON), `not-checked` (anything else). */
function notCheckedFinding(why, code = 'not-checked') {
    return {
        severity: 'error',
        code,
        title: 'The token could not be checked',
        message: `${why} Nothing about the token was verified, so the audit cannot pass.`,
        fix: 'Run the audit again; if it keeps failing, check that the runner can reach the API (`api-url`, proxy settings) and GitHub\'s status page.'
    };
}

// EXTERNAL MODULE: ./src/report/report.ts
var report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/report/fix-links.ts
var fix_links = __webpack_require__(8081);
// EXTERNAL MODULE: ./src/report/when.ts
var report_when = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/report/findings.ts








function auditFindings(x) {
    const replace = (findings) => findings.map((f) => withLink(f, x.replacementUrl ? (0,fix_links/* replacementLink */.FR)(x.replacementUrl) : undefined));
    // A permission left inconclusive by a condition reported once already (SSO, a policy, an unreachable repository,
    // no answer) is not reported again: the table shows its status, that finding says why.
    const statedAbove = new Set([
        ...x.blockings.keys(),
        ...(x.skipped ? [x.skipped.code] : []),
        ...(x.reach.repository === false && x.settings.repository ? ['repository-unreachable'] : []),
        ...(x.reach.organization === false && x.settings.organization ? ['organization-unreachable'] : [])
    ]);
    return [
        ...replace(gateFindings(x.skipped, x.blockings, x.serverUrl)),
        ...reachFindings(x.reach, x.settings, x.serverUrl, x.kind),
        ...replace(x.permissions.filter((p) => !(p.status === 'inconclusive' && statedAbove.has(p.code))).flatMap(permissionFindings)),
        ...x.settings.inputWarnings.map((w) => ({ severity: 'warning', code: 'input', title: 'Input', message: w })),
        ...identityFindings(x.identity, x.probed),
        ...replace(tokenFindings(x.token, x.settings)),
        ...replace(kindFindings(x.kind)),
        ...(x.record ? recordFindings(x.record, x.disagreements, x.serverUrl) : []),
        ...pendingFindings(x),
        ...(x.coverage ? coverageFindings(x.coverage, x.serverUrl) : []),
        ...replace(excessFindings(x.excess, x.settings.reportExcess, x.kind, x.scopes))
    ];
}
/** Gives a finding that states a fix but carries no link of its own the replacement link. */
function withLink(finding, link) {
    return finding.fix && !finding.link && link ? { ...finding, link } : finding;
}
function ifLink(link) {
    return link ? { link } : {};
}
/** A list in a sentence: all of it when short, else how many, the first few, and where all are listed. */
function listed(items, noun, section) {
    if (items.length <= report/* LISTED_INLINE */._e)
        return items.join(', ');
    return `${(0,report_when/* thousands */.oh)(items.length)} ${noun} (${items.slice(0, 3).join(', ')} and ${(0,report_when/* thousands */.oh)(items.length - 3)} more, all listed under “${section}”)`;
}
/** What stopped the probes or the token: a spent rate budget, blocking conditions (each once), an unreachable API. */
function gateFindings(skipped, blockings, serverUrl = 'https://github.com') {
    const out = [];
    if (skipped?.code === 'rate-limited' && !blockings.has('rate-limited'))
        out.push({ severity: 'warning', code: 'rate-limited', title: 'Rate limit', message: skipped.reason });
    // Each condition GitHub reported, with its own fix (verdicts/conditions.ts); an unreachable API is reported by
    // identityFindings (the audit that verified nothing fails).
    for (const b of blockings.values())
        out.push(blockingFinding(b, serverUrl));
    return out;
}
function reachFindings(reach, settings, serverUrl = 'https://github.com', kind = 'fine-grained') {
    const out = [];
    if (reach.repository === false && settings.repository) {
        out.push({
            severity: 'error',
            code: 'repository-unreachable',
            title: `Repository ${settings.repository.owner}/${settings.repository.repo} not reachable`,
            message: kind === 'fine-grained' ? classify/* UNREACHABLE */.Dr.repository : unreachableRepositoryText(kind).message,
            fix: kind === 'fine-grained' || kind === 'unknown' ? 'Add the repository to the token\'s repository access, ask an organization owner to approve the token, or check the `repository` input.' : unreachableRepositoryText(kind).fix,
            ...ifLink(kind === 'fine-grained' && settings.organization ? (0,fix_links/* pendingRequestsLink */.OX)(serverUrl, settings.organization) : (0,fix_links/* tokenListLink */.yV)(serverUrl))
        });
    }
    if (reach.organization === false && settings.organization) {
        out.push({ severity: 'error', code: 'organization-unreachable', title: `Organization ${settings.organization} not reachable`, message: classify/* UNREACHABLE */.Dr.organization, fix: 'Check the `organization` input.' });
    }
    return out;
}
/**
 * An audit that verified nothing fails (audit/verified.ts): GitHub unreachable, GET /user never answered, or no probe
 * answered for a network or server reason. One finding, "The token could not be checked", and why.
 */
function identityFindings(identity, probed) {
    const why = whyNothingVerified({ identity, permissions: probed });
    if (!why)
        return [];
    return [notCheckedFinding(why, identity.status === 0 ? 'api-unreachable' : identity.failure !== undefined ? 'api-unexpected' : 'not-checked')];
}
/** Public reads answered while the organization's resources refused the token: it may be waiting for approval. */
function pendingFindings(x) {
    const finding = pendingApprovalFinding({
        kind: x.kind,
        ...(x.settings.organization ? { organization: x.settings.organization } : {}),
        serverUrl: x.serverUrl,
        visibility: x.visibility,
        repositoryUnreachable: x.reach.repository === false,
        permissions: x.probed,
        recordRead: x.record?.grant !== undefined || x.record?.pendingRequest !== undefined
    });
    return finding ? [finding] : [];
}
/** An unreadable expiry, an expiry within the warn/fail days, a lifetime beyond the policy. */
function tokenFindings(verdict, settings) {
    const out = [];
    const token = verdict.report;
    if (verdict.unreadableExpiry !== undefined) {
        out.push({ severity: 'warning', code: 'expiry-unreadable', title: 'Expiry unreadable', message: `GitHub's github-authentication-token-expiration header was not in a known form ('${verdict.unreadableExpiry.slice(0, 60)}'); the expiry is unknown.` });
    }
    const daysRemaining = token.daysRemaining;
    if (((0,token_kind/* isPersonalAccessToken */.yK)(token.kind) || token.kind === 'unknown') && daysRemaining !== null) {
        const when = token.expiresAt ? (0,report_when/* personDate */.IV)(token.expiresAt) : 'an unknown time';
        if (daysRemaining <= settings.expiryFailDays) {
            out.push({ severity: 'error', code: 'token-expiring', title: `Expires in ${daysRemaining} day${daysRemaining === 1 ? '' : 's'}`, message: `The token expires at ${when}, within expiry-fail-days (${settings.expiryFailDays}).`, fix: 'Create a replacement and update the secret.' });
        }
        else if (daysRemaining <= settings.expiryWarnDays) {
            out.push({ severity: 'warning', code: 'token-expiring', title: `Expires in ${daysRemaining} days`, message: `The token expires at ${when}, within expiry-warn-days (${settings.expiryWarnDays}).`, fix: 'Plan its rotation: create a replacement, then update the secret.' });
        }
    }
    const lifetime = token.lifetime;
    if (lifetime.compliant === 'false' && !verdict.policy) {
        out.push({ severity: 'error', code: 'lifetime-noncompliant', title: 'Lifetime exceeds the policy', message: lifetime.reason, fix: `Create a replacement that expires within ${lifetime.policyDays} days.` });
    }
    return out;
}
function kindFindings(kind) {
    if (kind === 'classic' || kind === 'oauth') {
        return [
            {
                severity: 'warning',
                code: 'classic-token',
                title: `A ${token_kind/* TOKEN_KIND_LABELS */.hW[kind]}`,
                message: 'Classic tokens hold broad scopes over every repository and organization the user can reach. A fine-grained token limits access to one resource owner and named permissions.',
                fix: 'Create a fine-grained replacement, then delete this token.'
            }
        ];
    }
    if (kind === 'unknown')
        return [{ severity: 'warning', code: 'unknown-token-kind', title: 'Unrecognised token', message: 'The token has none of GitHub\'s documented prefixes (github_pat_, ghp_, gho_, ghu_, ghs_).' }];
    return [];
}
function coverageFindings(coverage, serverUrl = 'https://github.com') {
    const out = [];
    if (coverage.unreachable.length > 0) {
        out.push({
            severity: 'error',
            code: 'repositories-unreachable',
            title: `${(0,report_when/* thousands */.oh)(coverage.unreachable.length)} of ${(0,report_when/* thousands */.oh)(coverage.checked)} repositories unreachable`,
            message: `The token cannot reach ${listed(coverage.unreachable, 'repositories', 'Repository coverage')}.`,
            fix: 'Add them to the token\'s repository access (a token with selected repositories does not see repositories created after it).',
            ...ifLink((0,fix_links/* tokenListLink */.yV)(serverUrl))
        });
    }
    for (const u of coverage.undecided)
        out.push({ severity: 'warning', code: 'repository-undecided', title: `Reach of ${u.repository} unknown`, message: u.reason });
    return out;
}
function excessFindings(excess, reportExcess, kind, scopes) {
    if (excess && excess.length > 0) {
        return [
            {
                severity: 'warning',
                code: 'excess-permissions',
                title: `${excess.length} permission${excess.length === 1 ? '' : 's'} beyond the requirement`,
                message: `The token holds ${listed(excess.map((e) => e.replace(':', ': ')), 'permission levels', 'Beyond the requirement')}, which the requirement does not need.`,
                fix: 'Least privilege: create a replacement with only the required permissions, then delete this token.'
            }
        ];
    }
    if (reportExcess && (kind === 'classic' || kind === 'oauth')) {
        return [{ severity: 'notice', code: 'excess-classic', title: 'Excess permissions of a classic token', message: `A classic token's scopes are its permissions: ${(scopes ?? []).join(', ') || 'none'}.` }];
    }
    return [];
}
function permissionFindings(p) {
    const label = `${p.name}: ${p.level}`;
    if (p.status === 'missing') {
        return [{ severity: 'error', code: 'permission-missing', title: `Missing ${label}`, message: p.reason, permission: label, ...(p.fix ? { fix: p.fix } : {}) }];
    }
    if (p.status === 'inconclusive') {
        if (p.code === 'not-on-server')
            return [{ severity: 'error', code: 'permission-unavailable', title: `No ${label} on this server`, message: p.reason, permission: label }];
        return [{ severity: 'warning', code: 'permission-inconclusive', title: `Inconclusive ${label}`, message: p.reason, permission: label }];
    }
    return [];
}
/** A blocking condition as a finding; its link is the page that lifts it, when GitHub named one. */
function blockingFinding(b, serverUrl = 'https://github.com') {
    const message = (0,classify/* describeBlocking */.V5)(b);
    switch (b.code) {
        case 'invalid-token':
            return { severity: 'error', code: 'token-invalid', title: 'Token invalid, expired or revoked', message, fix: 'Create a new token and update the secret.' };
        case 'sso-required': {
            const sso = (0,fix_links/* linkTo */.uM)('Authorise the token for SSO', b.url);
            return sso
                ? { severity: 'error', code: 'sso-required', title: 'Not authorised for SAML SSO', message, fix: 'Open GitHub\'s authorisation page while signed in and authorise the token.', link: sso }
                : { severity: 'error', code: 'sso-required', title: 'Not authorised for SAML SSO', message, fix: 'Authorise the token for the organization: Configure SSO beside it in your token settings.', ...ifLink((0,fix_links/* tokenListLink */.yV)(serverUrl)) };
        }
        case 'lifetime-policy': {
            const settings = (0,fix_links/* linkTo */.uM)('Change the token\'s lifetime', b.settingsUrl);
            return settings
                ? { severity: 'error', code: 'lifetime-policy', title: 'Blocked by the organization\'s lifetime policy', message, fix: `Give the token an expiration of at most ${b.maxDays} days (regenerate it on its settings page), or create a replacement.`, link: settings }
                : { severity: 'error', code: 'lifetime-policy', title: 'Blocked by the organization\'s lifetime policy', message, fix: `Create a replacement that expires within ${b.maxDays} days.` };
        }
        case 'classic-forbidden':
            return { severity: 'error', code: 'classic-forbidden', title: `Classic tokens refused by ${b.owner ?? 'the organization'}`, message, fix: 'Create a fine-grained replacement.' };
        case 'rate-limited':
            return { severity: 'warning', code: 'rate-limited', title: 'Rate limit', message };
        default:
            // The other conditions GitHub reports (IP allow list, bans, archived, blocked, …): verdicts/conditions.ts.
            return (0,conditions/* conditionFinding */.pz)(b);
    }
}
function recordFindings(record, disagreements, serverUrl) {
    const org = record.organization;
    if (record.unreadable)
        return [{ severity: 'warning', code: 'org-record-unreadable', title: `The ${org} record could not be read`, message: record.unreadable }];
    if (record.grant) {
        return disagreements.map((d) => ({
            severity: 'warning',
            code: 'record-disagrees',
            title: 'GitHub\'s record and the probes disagree',
            message: d,
            fix: 'Check the token\'s permissions in the organization\'s settings (Personal access tokens → Active tokens).'
        }));
    }
    if (record.pendingRequest) {
        return [
            {
                severity: 'error',
                code: 'pending-approval',
                title: `Pending approval in ${org}`,
                message: `The token's request to access ${org}${record.pendingRequest.createdAt ? ` (made ${(0,report_when/* personDate */.IV)(record.pendingRequest.createdAt)})` : ''} waits for an organization owner's approval; until then it can only read public resources.`,
                fix: `Ask an owner of ${org} to approve the request.`,
                ...ifLink((0,fix_links/* pendingRequestsLink */.OX)(serverUrl, org))
            }
        ];
    }
    return [
        {
            severity: 'warning',
            code: 'record-not-found',
            title: `No record of this token in ${org}`,
            message: record.candidates > 1 ? `${record.candidates} tokens of this owner are recorded and their expiry does not single this one out.` : 'The organization records no grant or request for a token of this owner with this expiry: the token may target another resource owner.'
        }
    ];
}

// EXTERNAL MODULE: ./src/report/regenerate-url.ts
var regenerate_url = __webpack_require__(9534);
// EXTERNAL MODULE: ./src/facts/limits.ts
var limits = __webpack_require__(8103);
;// CONCATENATED MODULE: ./src/report/assemble.ts



const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** The replacement form's URL: exactly the required permissions, a lifetime within max-lifetime-days and the organization's own limit, at most GitHub's. */
function replacementUrlFor(settings, serverUrl, token) {
    const repository = settings.repository ? `${settings.repository.owner}/${settings.repository.repo}` : undefined;
    const lifetimeDays = Math.min(settings.maxLifetimeDays > 0 ? settings.maxLifetimeDays : limits/* MAX_TOKEN_LIFETIME_DAYS */.f8, token.policy ? token.policy.maxDays : limits/* MAX_TOKEN_LIFETIME_DAYS */.f8);
    return (0,regenerate_url/* regenerateUrl */.yy)({
        serverUrl,
        required: settings.required,
        resourceOwner: settings.organization ?? settings.repository?.owner,
        ...(repository ? { repository } : {}),
        lifetimeDays
    });
}
function assembleReport(parts) {
    const { settings, record } = parts;
    const repository = settings.repository ? `${settings.repository.owner}/${settings.repository.repo}` : undefined;
    return {
        schemaVersion: report/* SCHEMA_VERSION */.f$,
        result: (0,report/* resultOf */.Bg)(parts.findings),
        generatedAt: new Date(parts.generatedAt).toISOString(),
        target: {
            apiUrl: settings.apiUrl,
            edition: parts.edition,
            ...(repository ? { repository } : {}),
            ...(settings.organization ? { organization: settings.organization } : {})
        },
        token: parts.token.report,
        permissions: parts.permissions,
        findings: [...parts.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
        regenerateUrl: replacementUrlFor(settings, parts.serverUrl, parts.token),
        stats: { requests: parts.requests, durationMs: parts.durationMs },
        ...(parts.excess ? { excess: { permissions: parts.excess, undecided: parts.beyond.filter((p) => p.status === 'inconclusive').length } } : {}),
        ...(parts.coverage ? { coverage: parts.coverage } : {}),
        ...(record
            ? {
                organizationRecord: {
                    organization: record.organization,
                    ...(record.grant ? { grant: record.grant } : {}),
                    ...(record.pendingRequest ? { pendingRequest: record.pendingRequest } : {}),
                    candidates: record.candidates,
                    disagreements: parts.disagreements,
                    requests: record.requests,
                    ...(record.unreadable !== undefined ? { unreadable: record.unreadable } : {})
                }
            }
            : {})
    };
}

;// CONCATENATED MODULE: ./src/verdicts/record-verdict.ts

const LEVELS = ['read', 'write', 'admin'];
/** The verdict the record gives one required permission (repository and organization permissions only). */
function decideByRecord(probed, grant, organization) {
    if (probed.scope === 'account' || probed.code === 'not-on-server')
        return probed;
    const recorded = grant.permissions[probed.name];
    const holds = recorded !== undefined && LEVELS.includes(recorded) && (0,types/* levelCovers */.TP)(recorded, probed.level);
    const recordEvidence = {
        method: 'GET',
        path: `/orgs/${organization}/personal-access-tokens`,
        status: 200,
        message: recorded ? `recorded ${probed.name}: ${recorded}` : `${probed.name} not recorded`,
        role: 'context',
        safety: 'read-only (GET), with org-admin-token'
    };
    const probeSide = probed.status === 'inconclusive' ? '' : probed.status === (holds ? 'granted' : 'missing') ? ' The probe agrees.' : ` The probe disagrees: ${probed.reason}`;
    const { fix: _fix, ...rest } = probed;
    void _fix;
    return {
        ...rest,
        status: holds ? 'granted' : 'missing',
        code: 'org-record',
        reason: holds
            ? `The ${organization} record of this token lists ${probed.name}: ${recorded}.${probeSide}`
            : `The ${organization} record of this token ${recorded ? `lists ${probed.name}: ${recorded}, below ${probed.level}` : `does not list ${probed.name}`}.${probeSide}`,
        ...(holds ? {} : { fix: `Grant '${probed.name}: ${probed.level}' to the token (its owner edits it; an owner of ${organization} may have to approve the change), or create a replacement with the link below.` }),
        evidence: [recordEvidence, ...probed.evidence]
    };
}

;// CONCATENATED MODULE: ./src/audit/conclude.ts














async function conclude({ settings, context, session, kind, probed, listing }) {
    const { identity } = probed;
    // Decide.
    const scopes = identity.headers['x-oauth-scopes'] !== undefined ? (0,headers/* parseScopes */.Fg)(identity.headers['x-oauth-scopes']) : undefined;
    // On a public repository public data proves nothing (visibility.ts); joint sets need their partners proven (joint-sets.ts).
    const visibility = visibilityOf([...probed.evidence].find(([p]) => p.probe.id === plan/* REPOSITORY_PROBE_ID */.y)?.[1]);
    const inputs = { kind, evidence: probed.evidence, reach: probed.reach, skipped: probed.skipped, scopes, visibility };
    const firstPass = probed.permissions.map((pp) => decidePermission(pp, inputs));
    const held = heldFrom(firstPass);
    const decided = probed.permissions.map((pp, i) => (firstPass[i].code === 'joint-set' ? decidePermission(pp, { ...inputs, held }) : firstPass[i]));
    const [byProbes, beyond] = [decided.slice(0, settings.required.length), decided.slice(settings.required.length)];
    const blockings = collectBlockings([identity, ...probed.evidence.values()]);
    const authenticated = (0,verdicts_identity/* identityAnswered */._0)(identity) && identity.status !== 401 && identity.status < 500;
    const token = decideToken({ kind, login: probed.login, identity, authenticated, blockings, maxLifetimeDays: settings.maxLifetimeDays, scopes, now: session.now() });
    // Probe beyond a check: the organization's record, repository coverage.
    const { record, coverage } = await probeBeyond(session, settings, probed, token, listing);
    const disagreements = record?.grant ? compareWithProbes(record.grant, settings.required, byProbes) : [];
    // With org-admin-token the organization's record decides (record-verdict.ts); a missing permission of a fine-grained
    // token also says who approves a pending token, and where (pending.ts).
    const grant = record?.grant;
    const permissions = (grant && record ? byProbes.map((p) => decideByRecord(p, grant, record.organization)) : byProbes).map((p) => withApprovalHint(p, kind, settings.organization, context.serverUrl));
    const excess = settings.reportExcess ? (0,verdicts_excess/* decideExcess */.at)(byProbes, beyond, settings.required) : undefined;
    // Find, then assemble.
    const replacementUrl = replacementUrlFor(settings, context.serverUrl, token);
    const findings = auditFindings({ settings, kind, identity, skipped: probed.skipped, blockings, reach: probed.reach, permissions, probed: byProbes, visibility, token, record, disagreements, coverage, excess, scopes, serverUrl: context.serverUrl, replacementUrl });
    const parts = { settings, edition: context.edition, serverUrl: context.serverUrl, token, permissions, beyond, findings, excess, coverage, record, disagreements };
    return assembleReport({ ...parts, generatedAt: session.now(), requests: session.requests(), durationMs: Math.max(0, session.now() - session.started) });
}
/** With org-admin-token, the organization's record of the token; with repositories, which of them it reaches. */
async function probeBeyond(session, settings, probed, token, listing) {
    const canContinue = probed.identity.status !== 401 && (0,verdicts_identity/* identityAnswered */._0)(probed.identity) && session.timeLeft();
    const record = canContinue && session.sendAsAdmin && settings.organization && probed.login
        ? await readOrgRecord(settings.organization, probed.login, token.report.expiresAt, session.sendAsAdmin)
        : undefined;
    const selectionByOwner = new Map(record?.grant?.repositorySelection ? [[record.organization.toLowerCase(), record.grant.repositorySelection]] : []);
    const coverage = canContinue && listing ? (0,audit_coverage/* decideCoverage */.Vf)({ repositories: settings.repositories, kind: token.report.kind, selectionByOwner }, listing) : undefined;
    return { ...(record ? { record } : {}), ...(coverage ? { coverage } : {}) };
}
/** Whether the first pass proved a permission held at a level (a higher level proven covers it). */
function heldFrom(decided) {
    const proven = new Set(decided.filter((p) => p.status === 'granted').map((p) => `${p.name}:${p.level}`));
    return (name, level) => proven.has(`${name}:admin`) || (level !== 'admin' && proven.has(`${name}:write`)) || proven.has(`${name}:${level}`);
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


/***/ })

};
;