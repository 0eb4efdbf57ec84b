// Why: both Chromium lanes (the browser host and the emulated desktop) launch
// Debian's Chromium the same way: Playwright's own browsers cannot be
// downloaded here, and without the background-networking flags Chromium
// tries to reach Google at every start on a machine with no network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
}
