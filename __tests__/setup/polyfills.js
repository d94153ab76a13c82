// nock 15 needs Promise.withResolvers, which Node 20 lacks (Node 22+ has it).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    /** @type {(value: unknown) => void} */
    let resolve = () => {}
    /** @type {(reason?: unknown) => void} */
    let reject = () => {}
    const promise = new Promise((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
}
