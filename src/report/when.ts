/** Dates and durations in a person's form: `2027-03-01 20:35 UTC`, `in 90 days`, `180 ms`. */

/** `2027-03-01 20:35 UTC` (minutes, UTC); the input as given when it is not a date. */
export function personDate(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** `2027-03-01` */
export function personDay(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return date.toISOString().slice(0, 10)
}

/** `90 days`, `1 day`, `today`, `expired 3 days ago`. */
export function daysPhrase(days: number): string {
  if (days === 0) return 'less than a day left'
  if (days < 0) return `expired ${-days} day${days === -1 ? '' : 's'} ago`
  return `${days} day${days === 1 ? '' : 's'}`
}

/** `180 ms`, `1.4 s`, `2 min 5 s`. */
export function personDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} min ${s % 60} s`
}

/** `1 request`, `4 requests`; counts above 999 with thousands separators. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${thousands(n)} ${n === 1 ? noun : plural}`
}

/**
 * `1,020`: a whole number with commas between thousands, as `toLocaleString('en-US')` writes it, without starting
 * ICU's number formatter (measured by npm run bench: about 15 ms the first time, after the last response).
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n)
  const digits = String(Math.abs(n))
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`
}
