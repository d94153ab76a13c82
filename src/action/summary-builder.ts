/**
 * The part of @actions/core's job summary builder the action uses (lib/summary.js, its Summary class): wrap, addRaw,
 * addEOL, addList, addTable, addDetails, addHeading, addLink, stringify and emptyBuffer, line for line, with
 * TypeScript's types. The action writes the summary itself (actions-core.ts `summary`), so the class's file methods
 * are left out.
 *
 * Why a copy: lib/summary.js reads `fs.promises` when it loads (`const { access, appendFile, writeFile } =
 * promises`), which loads Node's fs/promises and, with it, its readline, directory and watcher modules, none of which
 * the action uses. Measured with the simulator (report-excess, peak RSS at exit): 1.0 to 1.8 MiB less without them.
 * `unit/job-summary.test.ts` builds every summary the action writes with @actions/core's own `core.summary` too and
 * compares the two.
 */
import { EOL } from 'node:os'

export interface SummaryTableCell {
  /** The cell's content. */
  data: string
  /** Rendered as a header cell (th). */
  header?: boolean
  colspan?: string
  rowspan?: string
}

export type SummaryTableRow = Array<SummaryTableCell | string>

/** What the job summary calls of a builder: this class, or @actions/core's `core.summary` (the tests pass it). */
export interface SummaryBuilder {
  stringify(): string
  emptyBuffer(): SummaryBuilder
  addRaw(text: string, addEOL?: boolean): SummaryBuilder
  addEOL(): SummaryBuilder
  addList(items: string[], ordered?: boolean): SummaryBuilder
  addTable(rows: SummaryTableRow[]): SummaryBuilder
  addDetails(label: string, content: string): SummaryBuilder
  addHeading(text: string, level?: number | string): SummaryBuilder
  addLink(text: string, href: string): SummaryBuilder
}

export class Summary implements SummaryBuilder {
  private _buffer = ''

  wrap(tag: string, content: string | null, attrs: { [attribute: string]: string } = {}): string {
    const htmlAttrs = Object.entries(attrs)
      .map(([key, value]) => ` ${key}="${value}"`)
      .join('')
    if (!content) {
      return `<${tag}${htmlAttrs}>`
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`
  }

  stringify(): string {
    return this._buffer
  }

  emptyBuffer(): Summary {
    this._buffer = ''
    return this
  }

  addRaw(text: string, addEOL = false): Summary {
    this._buffer += text
    return addEOL ? this.addEOL() : this
  }

  addEOL(): Summary {
    return this.addRaw(EOL)
  }

  addList(items: string[], ordered = false): Summary {
    const tag = ordered ? 'ol' : 'ul'
    const listItems = items.map((item) => this.wrap('li', item)).join('')
    const element = this.wrap(tag, listItems)
    return this.addRaw(element).addEOL()
  }

  addTable(rows: SummaryTableRow[]): Summary {
    const tableBody = rows
      .map((row) => {
        const cells = row
          .map((cell) => {
            if (typeof cell === 'string') {
              return this.wrap('td', cell)
            }
            const { header, data, colspan, rowspan } = cell
            const tag = header ? 'th' : 'td'
            const attrs = { ...(colspan && { colspan }), ...(rowspan && { rowspan }) }
            return this.wrap(tag, data, attrs)
          })
          .join('')
        return this.wrap('tr', cells)
      })
      .join('')
    const element = this.wrap('table', tableBody)
    return this.addRaw(element).addEOL()
  }

  addDetails(label: string, content: string): Summary {
    const element = this.wrap('details', this.wrap('summary', label) + content)
    return this.addRaw(element).addEOL()
  }

  addHeading(text: string, level?: number | string): Summary {
    const tag = `h${level}`
    const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1'
    const element = this.wrap(allowedTag, text)
    return this.addRaw(element).addEOL()
  }

  addLink(text: string, href: string): Summary {
    const element = this.wrap('a', text, { href })
    return this.addRaw(element).addEOL()
  }
}
