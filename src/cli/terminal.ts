/**
 * Shows a job summary (the Markdown the action writes) readably in a terminal: headings emphasised, table rows
 * as indented lines, `<br>` as line breaks, links with their URL. Used by the CLI and the demo.
 */
export function markdownToTerminal(markdown: string, options: { color?: boolean } = {}): string {
  const color = options.color === true
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s)
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s)
  const inline = (s: string) =>
    s
      .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => bold(t))
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text: string, url: string) => `${text}:\n    ${url}`)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/\\\|/g, '|')
  const out: string[] = []
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) out.push(bold(line.slice(3)), '')
    else if (line.startsWith('### ')) out.push(bold(line.slice(4).toUpperCase()))
    else if (/^\|[-| ]+\|$/.test(line) || line === '| | |') continue
    else if (line.startsWith('| ')) {
      const cells = line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => inline(c.trim()))
      if (cells[0] === 'Permission') continue
      // Permission rows (5 cells): name, level and status on the first line; reason, evidence and fix below.
      const head = cells.length === 5 ? [`${cells[0]} ${cells[1]}`, cells[2]] : [cells[0], cells[1]]
      const rest = (cells.length === 5 ? cells.slice(3) : cells.slice(2)).filter((c) => c !== '').flatMap((c) => c.split('<br>'))
      out.push(`  ${head[0].padEnd(28)} ${head[1] ?? ''}`)
      for (const p of rest) out.push(dim(`      ${p}`))
    } else out.push(inline(line))
  }
  return out.join('\n')
}
