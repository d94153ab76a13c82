/** Levenshtein distance, bounded: stops counting past `max`. */
export function editDistance(a: string, b: string, max = 10): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      rowMin = Math.min(rowMin, cur[j])
    }
    if (rowMin > max) return max + 1
    prev = cur
  }
  return prev[b.length]
}

/** The closest candidate to `input`, when one is close enough to be a likely typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const normalized = input.toLowerCase().replace(/[-\s]+/g, '_')
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    if (candidate === normalized) return candidate
    const d = editDistance(normalized, candidate, 6)
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  // A suggestion must keep at least one character of what was typed: nothing is "close" to an empty name.
  const limit = Math.min(Math.max(2, Math.floor(normalized.length / 3)), normalized.length - 1)
  return bestDistance <= limit ? best : undefined
}
