/// <reference lib="dom" />
/**
 * A job summary as a person sees it: rendered as GitHub-flavoured Markdown (markdown-it with HTML on, which is
 * CommonMark's HTML-block handling, as GitHub's renderer), styled with GitHub's own stylesheet
 * (github-markdown-css), and laid out by a real Chromium at 1,000 px, driven by puppeteer-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import puppeteer from 'puppeteer-core'
import type { Browser, Page } from 'puppeteer-core'

/** The system's Chromium (Debian's package), or Chrome where that is what the machine has (GitHub's Ubuntu runners). */
export const CHROMIUM = process.env.PAT_AUDIT_CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p)) || '/usr/bin/chromium'
export const WIDTH = 1000

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * What GitHub's Markdown keeps of raw HTML: the element allowlist of html-pipeline's SanitizationFilter
 * (gjtorikian/html-pipeline, lib/html/pipeline/sanitization_filter.rb, the filter GitHub's rendering started
 * from), and of attributes the ones this summary could use (`href` on links; table spans and alignment).
 */
export const GITHUB_ELEMENTS = new Set(
  `h1 h2 h3 h4 h5 h6 h7 h8 br b i strong em a pre code img tt div ins del sup sub p ol ul table thead tbody tfoot blockquote
   dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike summary details caption figure figcaption abbr bdo cite dfn
   mark small span time wbr`
    .split(/\s+/)
    .filter(Boolean)
)
export const GITHUB_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], td: ['colspan', 'rowspan', 'align'], th: ['colspan', 'rowspan', 'align'] }

const require = createRequire(import.meta.url)
const CSS = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
const markdown = new MarkdownIt({ html: true, linkify: true })

/** The page: the summary rendered as GitHub renders Markdown, inside GitHub's `.markdown-body`. */
export function gfmPage(source: string, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')}</title><style>${CSS}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px 24px; }
</style></head><body><article class="markdown-body">${markdown.render(source)}</article></body></html>`
}

export interface PageMeasure {
  /** Elements wider than their box, or reaching past the page's right edge (tag and the start of their text). */
  readonly overflowing: string[]
  readonly documentWidth: number
  /** The bottom of the summary's content, in px from the top. */
  readonly height: number
  readonly text: string
  readonly links: Array<{ href: string; top: number; bottom: number }>
  /** Elements and attributes GitHub's sanitiser would drop (measure before opening the details). */
  readonly disallowed: string[]
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set PAT_AUDIT_CHROMIUM to a Chromium or Chrome binary.`)
  const profile = mkdtempSync(join(tmpdir(), 'pat-audit-chromium-'))
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, `--user-data-dir=${profile}`], defaultViewport: { width: WIDTH, height: 800 } })
  try {
    return await fn(browser)
  } finally {
    await browser.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

export async function openPage(browser: Browser, html: string): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: WIDTH, height: 800 })
  await page.setContent(html, { waitUntil: 'load' })
  return page
}

/** Measures the page as it is now (details as they are). */
export async function measure(page: Page): Promise<PageMeasure> {
  return page.evaluate(
    (elements: string[], attributes: Record<string, string[]>) => {
      const root = document.querySelector('.markdown-body') as HTMLElement
      const viewport = document.documentElement.clientWidth
      const overflowing: string[] = []
      const disallowed: string[] = []
      for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
        const tag = el.tagName.toLowerCase()
        const label = `<${tag}> ${(el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 80)}`
        if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) overflowing.push(`${label} (scrollWidth ${el.scrollWidth} > ${el.clientWidth})`)
        const rect = el.getBoundingClientRect()
        if (rect.width > 0 && rect.right > viewport + 0.5) overflowing.push(`${label} (right edge ${Math.round(rect.right)} > ${viewport})`)
        if (el === root) continue
        if (!elements.includes(tag)) disallowed.push(`<${tag}>`)
        for (const attr of el.getAttributeNames()) if (!(attributes[tag] ?? []).includes(attr)) disallowed.push(`<${tag} ${attr}>`)
      }
      return {
        overflowing,
        documentWidth: document.documentElement.scrollWidth,
        height: Math.ceil(root.getBoundingClientRect().bottom + window.scrollY),
        text: (root.textContent ?? '').replace(/\s+/g, ' '),
        links: [...root.querySelectorAll('a')].map((a) => {
          const r = a.getBoundingClientRect()
          return { href: a.getAttribute('href') ?? '', top: r.top + window.scrollY, bottom: r.bottom + window.scrollY }
        }),
        disallowed
      }
    },
    [...GITHUB_ELEMENTS],
    GITHUB_ATTRIBUTES as Record<string, string[]>
  )
}

export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true
  })
}
