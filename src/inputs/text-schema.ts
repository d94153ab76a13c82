/** The schema every string input of settings.ts is checked with. */
import './zod-config.js'
import * as z from 'zod/mini'

/**
 * One string input checked by `parse`, with zod/mini (the part of zod this uses: `pipe(string(), transform(…))`;
 * the full `zod` entry was half of the action's start-up, npm run bench) and classic zod's `ctx.addIssue`.
 */
export function text<T>(parse: (value: string, ctx: { addIssue(issue: { code: 'custom'; message: string }): void }) => T) {
  return z.pipe(
    z.string(),
    z.transform((value: string, payload: z.core.ParsePayload) => parse(value, { addIssue: (issue) => void payload.issues.push({ ...issue, input: value }) }))
  )
}
