// @ts-check
/**
 * The reference beside `npm run bench`'s exit row: bare Node with its own HTTP client sends one GET /user to the
 * simulator and ends by itself once the answer is read. Its "last response → exit" is what the machine and the
 * benchmark take to end a Node process and see it end, with none of the action's work in it.
 */
'use strict'
// A CommonJS file run as a script: it has require, not import.
// eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
const { get } = require('node:http')

get(new URL(`${process.env.GITHUB_API_URL}/user`), { headers: { authorization: `Bearer ${process.env.INPUT_TOKEN}`, 'user-agent': 'pat-audit-bench' } }, (res) => {
  res.resume()
})
