// Why: the English catalogue, one file per area of the app, so the areas can be translated apart.
import common from './common.json'
import shell from './shell.json'
import settings from './settings.json'
import data from './data.json'
import dashboard from './dashboard.json'
import reading from './reading.json'
import search from './search.json'
import compare from './compare.json'
import selftest from './selftest.json'
import write from './write.json'
import prelims from './prelims.json'
import tuning from './tuning.json'
import notes from './notes.json'

const en = { common, shell, settings, data, dashboard, reading, search, compare, selftest, write, prelims, tuning, notes }

export type Messages = typeof en
export default en
