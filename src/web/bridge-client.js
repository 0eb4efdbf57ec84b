// @ts-check
// Why: the browser host's stand-in for the Electron preload. It gives the page a
// frozen `window.api` with exactly the contract's channels, each a POST to the
// host, and holds no app logic. The channel list is embedded by the host; the
// launch token is read from the page's <meta>, never shipped in this file,
// because a script can be included cross-origin but an HTML page cannot be read.
;(function () {
  'use strict'
  /** @type {string[]} */
  var channels = /*__REVISION_DESK_CHANNELS__*/ []
  var meta = document.querySelector('meta[name="revision-desk-token"]')
  var token = (meta && meta.getAttribute('content')) || ''

  /** @param {string} channel */
  function call(channel) {
    /** @param {unknown} [input] */
    return function (input) {
      return fetch('/api/' + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-revision-desk-token': token },
        body: JSON.stringify({ input: input }),
        credentials: 'same-origin',
        cache: 'no-store'
      })
        .then(function (response) {
          return response.json()
        })
        .catch(function (error) {
          return {
            ok: false,
            error: {
              code: 'internal',
              message: 'Could not reach the Revision Desk host: ' + ((error && error.message) || String(error))
            }
          }
        })
    }
  }

  /** @type {Record<string, (input?: unknown) => Promise<unknown>>} */
  var api = {}
  for (var i = 0; i < channels.length; i++) api[channels[i]] = call(channels[i])
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true, writable: false, configurable: false })
})()
